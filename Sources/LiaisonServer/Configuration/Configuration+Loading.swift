import Foundation
import LiaisonCore
import LiaisonDelivery
import Logging
import Yams

extension Configuration {
    /// Reads `file` (if given) and applies environment overrides. Every problem is
    /// reported at once, each naming its key.
    public static func load(file: String?, environment: [String: String]) throws(ConfigurationError) -> Configuration {
        var reader = YAMLReader(file: file ?? "environment")
        var root: Yams.Node.Mapping?
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ConfigurationError(key: "--config", "cannot read \(file)")
            }
            root = reader.document(text)
            if let root {
                reader.rejectUnknownKeys(
                    in: root,
                    known: [
                        "listen", "public_url", "data_dir", "database_url", "agreements_dir", "vault", "protection", "intake", "mail",
                        "receipts", "delivery", "http", "governance", "ledger", "reidentification", "public_report", "console", "log_level",
                        "log_format", "metrics", "tls",
                    ],
                    path: "")
            }
        }
        let base = file.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func path(_ text: String) -> URL {
            text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text).standardizedFileURL
        }

        var configuration = Configuration(
            dataDirectory: path(environment["LIAISON_DATA_DIR"] ?? reader.string(root, "data_dir", path: "") ?? ".liaison"))

        if let listen = environment["LIAISON_LISTEN"] ?? reader.string(root, "listen", path: "") {
            if let (host, port) = parseListen(listen) {
                (configuration.host, configuration.port) = (host, port)
            } else {
                reader.fail(reader.value(root, "listen"), key: "listen", "must be HOST:PORT with a port from 0 to 65535")
            }
        }
        if let text = environment["LIAISON_PUBLIC_URL"] ?? reader.string(root, "public_url", path: ""), !text.isEmpty {
            if let url = publicURL(text) {
                configuration.publicURL = url
            } else {
                reader.fail(
                    reader.value(root, "public_url"), key: "public_url",
                    "must be an absolute http or https URL without query, fragment or credentials")
            }
        }
        if let url = environment["LIAISON_DATABASE_URL"] ?? reader.string(root, "database_url", path: ""), !url.isEmpty {
            configuration.databaseURL = url
        }
        if let directory = environment["LIAISON_AGREEMENTS_DIR"] ?? reader.string(root, "agreements_dir", path: "") {
            configuration.agreementsDirectory = path(directory)
        }
        if let level = environment["LIAISON_LOG_LEVEL"] ?? reader.string(root, "log_level", path: "") {
            if let parsed = Logger.Level(rawValue: level) {
                configuration.logLevel = parsed
            } else {
                reader.fail(reader.value(root, "log_level"), key: "log_level", "must be trace, debug, info, notice, warning, error or critical")
            }
        }
        configuration.readLogFormat(root, environment: environment, reader: &reader)
        configuration.readMetrics(reader.mapping(root, "metrics", path: ""), environment: environment, reader: &reader)
        configuration.readTLS(reader.mapping(root, "tls", path: ""), environment: environment, base: path, reader: &reader)
        configuration.readVault(reader.mapping(root, "vault", path: ""), environment: environment, reader: &reader)
        configuration.readProtection(reader.mapping(root, "protection", path: ""), reader: &reader)
        configuration.readIntake(reader.mapping(root, "intake", path: ""), reader: &reader)
        configuration.readDelivery(reader.mapping(root, "delivery", path: ""), reader: &reader)
        configuration.readHTTP(reader.mapping(root, "http", path: ""), reader: &reader)
        configuration.readMail(reader.mapping(root, "mail", path: ""), base: path, reader: &reader)
        configuration.readGovernance(reader.mapping(root, "governance", path: ""), reader: &reader)
        configuration.readLedger(reader.mapping(root, "ledger", path: ""), base: path, reader: &reader)
        configuration.readReidentification(
            reader.mapping(root, "reidentification", path: ""), environment: environment, reader: &reader)
        configuration.readPublicReport(reader.mapping(root, "public_report", path: ""), reader: &reader)
        configuration.readConsole(reader.mapping(root, "console", path: ""), reader: &reader)
        let receipts = reader.mapping(root, "receipts", path: "")
        if let receipts { reader.rejectUnknownKeys(in: receipts, known: ["signing_key"], path: "receipts") }
        if let reference = environment["LIAISON_RECEIPT_KEY"] ?? reader.string(receipts, "signing_key", path: "receipts") {
            configuration.receiptSigningKey = reader.secretKey(
                reference, at: reader.value(receipts, "signing_key"), key: "receipts.signing_key", environment: environment)
        }
        guard reader.problems.isEmpty else { throw ConfigurationError(problems: reader.problems) }
        return configuration
    }

    /// `vault.current_key` (default `k1`); `vault.keys`: id → `env:NAME` / `file:PATH` /
    /// base64 of 32 bytes; `LIAISON_VAULT_KEY` (base64) or `LIAISON_VAULT_KEY_FILE` set
    /// the current key; `vault.lookup_key` or `LIAISON_VAULT_LOOKUP_KEY`;
    /// `vault.retention_days` (1–36500, default 730), `vault.retention_days_by_kind`
    /// (kind → days), `vault.purge_interval_minutes` (1–10080, default 60).
    private mutating func readVault(_ vault: Yams.Node.Mapping?, environment: [String: String], reader: inout YAMLReader) {
        if let vault {
            reader.rejectUnknownKeys(
                in: vault,
                known: ["current_key", "keys", "lookup_key", "retention_days", "retention_days_by_kind", "purge_interval_minutes"],
                path: "vault")
        }
        vaultCurrentKey = reader.string(vault, "current_key", path: "vault") ?? vaultCurrentKey
        vaultRetention.defaultDays = reader.int(vault, "retention_days", path: "vault", range: 1...36_500) ?? vaultRetention.defaultDays
        if let byKind = reader.mapping(vault, "retention_days_by_kind", path: "vault") {
            for (keyNode, _) in byKind {
                let name = keyNode.string ?? ""
                guard let kind = PersonalDataKind(rawValue: name) else {
                    reader.fail(keyNode, key: "vault.retention_days_by_kind", "\(name) is not a personal-data kind")
                    continue
                }
                vaultRetention.byKind[kind] = reader.int(byKind, name, path: "vault.retention_days_by_kind", range: 1...36_500)
            }
        }
        if let minutes = reader.int(vault, "purge_interval_minutes", path: "vault", range: 1...10_080) {
            vaultPurgeInterval = .seconds(minutes * 60)
        }
        if let reference = environment["LIAISON_VAULT_LOOKUP_KEY"] ?? reader.string(vault, "lookup_key", path: "vault") {
            guard let key = reader.secretKey(
                reference, at: reader.value(vault, "lookup_key"), key: "vault.lookup_key", environment: environment)
            else { return }
            vaultLookupKey = key
        }
        if let keys = reader.mapping(vault, "keys", path: "vault") {
            for (keyNode, valueNode) in keys {
                guard let id = keyNode.string, case .scalar(let scalar) = valueNode else { continue }
                vaultKeys[id] = reader.secretKey(scalar.string, at: valueNode, key: "vault.keys.\(id)", environment: environment)
            }
        }
        let fromEnvironment: String?
        do {
            if environment["LIAISON_VAULT_KEY_FILE"] != nil {
                fromEnvironment = try SecretReference.resolve("file:" + environment["LIAISON_VAULT_KEY_FILE"]!, environment: environment)
            } else {
                fromEnvironment = environment["LIAISON_VAULT_KEY"]
            }
        } catch {
            reader.fail(line: 0, key: "LIAISON_VAULT_KEY_FILE", SecretReference.message(error))
            fromEnvironment = nil
        }
        if let fromEnvironment {
            if let key = SecretReference.key(fromBase64: fromEnvironment) {
                vaultKeys[vaultCurrentKey] = key
            } else {
                reader.fail(line: 0, key: "LIAISON_VAULT_KEY", "must be base64 of exactly 32 bytes")
            }
        }
        if !vaultKeys.isEmpty, vaultKeys[vaultCurrentKey] == nil {
            reader.fail(reader.value(vault, "current_key"), key: "vault.current_key", "names no key in vault.keys")
        }
    }

    /// `protection.always_personal` (kinds that are personal data in every role) and
    /// `protection.personal_roles` (kind → the roles in which it is); defaults in
    /// ``ProtectionPolicy/standard``. Naming either replaces that part of the default.
    private mutating func readProtection(_ protection: Yams.Node.Mapping?, reader: inout YAMLReader) {
        guard let protection else { return }
        reader.rejectUnknownKeys(in: protection, known: ["always_personal", "personal_roles"], path: "protection")
        if let kinds = reader.strings(protection, "always_personal", path: "protection") {
            var always: Set<PersonalDataKind> = []
            for (name, node) in kinds {
                if let kind = PersonalDataKind(rawValue: name) { always.insert(kind) } else {
                    reader.fail(node, key: "protection.always_personal", "\(name) is not a personal-data kind")
                }
            }
            protectionPolicy.alwaysPersonal = always
        }
        if let roles = reader.mapping(protection, "personal_roles", path: "protection") {
            var byKind: [PersonalDataKind: Set<ObservableRole>] = [:]
            for (keyNode, _) in roles {
                let name = keyNode.string ?? ""
                guard let kind = PersonalDataKind(rawValue: name) else {
                    reader.fail(keyNode, key: "protection.personal_roles", "\(name) is not a personal-data kind")
                    continue
                }
                var set: Set<ObservableRole> = []
                for (roleName, node) in reader.strings(roles, name, path: "protection.personal_roles") ?? [] {
                    if let role = ObservableRole(rawValue: roleName) { set.insert(role) } else {
                        reader.fail(node, key: "protection.personal_roles.\(name)", "\(roleName) is not offender, victim, infrastructure or unknown")
                    }
                }
                byKind[kind] = set
            }
            protectionPolicy.personalRoles = byKind
        }
    }

    /// `intake.max_body_bytes` (1 KiB–1 GiB, default 16 MiB), `intake.max_events`
    /// (default 100,000), `intake.max_objects_per_bundle` (default 50,000),
    /// `intake.max_reference_depth` (0–10, default 3), `intake.default_tlp` (default `TLP:AMBER`),
    /// `intake.max_json_depth` (int, 1–1024, default 64: arrays and objects open at once),
    /// `intake.max_string_bytes` (int, 1 KiB–1 GiB, default 1 MiB: one JSON string, decoded),
    /// `intake.max_errors` (int, 1–10,000, default 100: problems a refusal lists; it counts the rest).
    private mutating func readIntake(_ intake: Yams.Node.Mapping?, reader: inout YAMLReader) {
        if let intake {
            reader.rejectUnknownKeys(
                in: intake,
                known: [
                    "max_body_bytes", "max_events", "max_objects_per_bundle", "max_reference_depth", "default_tlp",
                    "max_json_depth", "max_string_bytes", "max_errors",
                ],
                path: "intake")
        }
        maxBodyBytes = reader.int(intake, "max_body_bytes", path: "intake", range: 1024...(1 << 30)) ?? maxBodyBytes
        intakeLimits.maxEventsPerRequest =
            reader.int(intake, "max_events", path: "intake", range: 1...1_000_000) ?? intakeLimits.maxEventsPerRequest
        stixLimits.maxObjects =
            reader.int(intake, "max_objects_per_bundle", path: "intake", range: 1...1_000_000) ?? stixLimits.maxObjects
        stixLimits.maxReferenceDepth =
            reader.int(intake, "max_reference_depth", path: "intake", range: 0...10) ?? stixLimits.maxReferenceDepth
        intakeLimits.maxJSONDepth =
            reader.int(intake, "max_json_depth", path: "intake", range: 1...1024) ?? intakeLimits.maxJSONDepth
        intakeLimits.maxStringLength =
            reader.int(intake, "max_string_bytes", path: "intake", range: 1024...(1 << 30)) ?? intakeLimits.maxStringLength
        stixLimits.maxStringLength = intakeLimits.maxStringLength
        intakeLimits.maxErrorsListed =
            reader.int(intake, "max_errors", path: "intake", range: 1...10_000) ?? intakeLimits.maxErrorsListed
        stixLimits.maxErrorsListed = intakeLimits.maxErrorsListed
        if let label = reader.string(intake, "default_tlp", path: "intake") {
            if let tlp = TLP(label: label) { defaultTLP = tlp } else {
                reader.fail(reader.value(intake, "default_tlp"), key: "intake.default_tlp", "is not a TLP 2.0 label")
            }
        }
    }

    /// `delivery.max_attempts` (1–100, default 12), `delivery.base_delay_ms` (default
    /// 30,000), `delivery.max_delay_ms` (default 12 h), `delivery.timeout_ms` (default
    /// 15,000), `delivery.poll_interval_ms` (default 1,000), `delivery.lease_ms` (1,000–3,600,000,
    /// default 60,000; longer than `timeout_ms`), `delivery.breaker_failures` (1–1,000, default 5),
    /// `delivery.breaker_cooldown_ms` (1,000–86,400,000, default 60,000),
    /// `delivery.retry_after_cap_ms` (1,000–7 days, default 3,600,000).
    private mutating func readDelivery(_ delivery: Yams.Node.Mapping?, reader: inout YAMLReader) {
        if let delivery {
            reader.rejectUnknownKeys(
                in: delivery,
                known: [
                    "max_attempts", "base_delay_ms", "max_delay_ms", "timeout_ms", "poll_interval_ms", "lease_ms",
                    "allow_insecure_loopback", "allowed_networks", "breaker_failures", "breaker_cooldown_ms",
                    "retry_after_cap_ms",
                ],
                path: "delivery")
        }
        let day = 86_400_000
        retrySchedule.maxAttempts = reader.int(delivery, "max_attempts", path: "delivery", range: 1...100) ?? retrySchedule.maxAttempts
        if let ms = reader.int(delivery, "base_delay_ms", path: "delivery", range: 1...day) { retrySchedule.base = .milliseconds(ms) }
        if let ms = reader.int(delivery, "max_delay_ms", path: "delivery", range: 1...(7 * day)) { retrySchedule.cap = .milliseconds(ms) }
        if let ms = reader.int(delivery, "timeout_ms", path: "delivery", range: 100...120_000) { deliveryTimeout = .milliseconds(ms) }
        if let ms = reader.int(delivery, "poll_interval_ms", path: "delivery", range: 10...60_000) {
            deliveryPollInterval = .milliseconds(ms)
        }
        if let ms = reader.int(delivery, "lease_ms", path: "delivery", range: 1_000...3_600_000) { deliveryLease = .milliseconds(ms) }
        if deliveryLease <= deliveryTimeout {
            // A lease that ends while its send may still be under way lets a second replica
            // send the same delivery while the first still waits for the answer.
            reader.fail(reader.value(delivery, "lease_ms"), key: "delivery.lease_ms", "must be longer than delivery.timeout_ms")
        }
        circuitBreaker.failures = reader.int(delivery, "breaker_failures", path: "delivery", range: 1...1000) ?? circuitBreaker.failures
        if let ms = reader.int(delivery, "breaker_cooldown_ms", path: "delivery", range: 1_000...day) {
            circuitBreaker.cooldown = .milliseconds(ms)
        }
        if let ms = reader.int(delivery, "retry_after_cap_ms", path: "delivery", range: 1_000...(7 * day)) {
            retryAfterCap = .milliseconds(ms)
        }
        allowInsecureLoopback = reader.bool(delivery, "allow_insecure_loopback", path: "delivery") ?? allowInsecureLoopback
        for (text, node) in reader.strings(delivery, "allowed_networks", path: "delivery") ?? [] {
            guard let network = IPNetwork(text) else {
                reader.fail(node, key: "delivery.allowed_networks", "must list addresses or CIDR ranges (10.0.0.0/8, fd00::/8) with no bits set past the prefix")
                continue
            }
            webhookDestinations.allowed.append(network)
        }
    }

    /// `governance.approval` (`two-persons`, default, or `each-party`), `governance.operator`
    /// (the organisation that runs the gateway, whose admins act on every agreement and key;
    /// default none), `governance.auto_approve_files` (default false; the local demo only),
    /// `governance.refresh_seconds` (1–60, default 2).
    mutating func readGovernance(_ node: Yams.Node.Mapping?, reader: inout YAMLReader) {
        guard let node else { return }
        reader.rejectUnknownKeys(in: node, known: ["approval", "operator", "auto_approve_files", "refresh_seconds"], path: "governance")
        if let text = reader.string(node, "approval", path: "governance") {
            if let approval = AgreementGovernance.Approval(rawValue: text) { governance.approval = approval } else {
                reader.fail(reader.value(node, "approval"), key: "governance.approval", "must be two-persons or each-party")
            }
        }
        if let organisation = reader.string(node, "operator", path: "governance") {
            if Identifier.isValid(organisation) { governance.operatorOrganisation = organisation } else {
                reader.fail(reader.value(node, "operator"), key: "governance.operator", "is not an organisation id")
            }
        }
        autoApproveAgreementFiles = reader.bool(node, "auto_approve_files", path: "governance") ?? autoApproveAgreementFiles
        if let seconds = reader.int(node, "refresh_seconds", path: "governance", range: 1...60) {
            agreementRefreshInterval = .seconds(seconds)
        }
    }

    /// `http.idle_timeout_ms` (100–3,600,000, default 60,000), `http.header_timeout_ms`
    /// (100–600,000, default 10,000) and `http.body_min_bytes_per_second` (0–1 GiB, default
    /// 8,192; 0 turns the check off): see ``ConnectionTimeouts``.
    private mutating func readHTTP(_ http: Yams.Node.Mapping?, reader: inout YAMLReader) {
        if let http {
            reader.rejectUnknownKeys(in: http, known: ["idle_timeout_ms", "header_timeout_ms", "body_min_bytes_per_second"], path: "http")
        }
        if let ms = reader.int(http, "idle_timeout_ms", path: "http", range: 100...3_600_000) { connectionTimeouts.idle = .milliseconds(ms) }
        if let ms = reader.int(http, "header_timeout_ms", path: "http", range: 100...600_000) { connectionTimeouts.header = .milliseconds(ms) }
        if let rate = reader.int(http, "body_min_bytes_per_second", path: "http", range: 0...(1 << 30)) {
            connectionTimeouts.bodyMinBytesPerSecond = rate
        }
    }

    /// `mail.max_message_bytes` (1 KiB–100 MiB, default 25 MiB), `mail.max_parts` (1–10,000,
    /// default 200), `mail.max_depth` (1–100, default 10), `mail.max_archive_bytes` (bytes
    /// decompressed from one message's gzip and zip attachments, 1 KiB–1 GiB, default 100 MiB),
    /// `mail.max_archive_ratio` (decompressed per compressed byte of one attachment, 2–10,000,
    /// default 100), `mail.max_archive_entries` (1–100,000, default 100), `mail.parse_timeout`
    /// (seconds for parsing and mapping one message, 1–3,600, default 10), `mail.recipients`
    /// (address → producer), `mail.keyrings` (producer → GnuPG home folder),
    /// `mail.decryption_keyring` (GnuPG home with the gateway's secret key), `mail.gpg_program`
    /// (the gpg executable GPGME drives; default: the one GnuPG's `gpgconf` names),
    /// `mail.producers.ORG.senders` (list of addresses and domains) and
    /// `mail.producers.ORG.require_signature` (bool, default false): see ``MailSenderRule``.
    private mutating func readMail(_ mail: Yams.Node.Mapping?, base: (String) -> URL, reader: inout YAMLReader) {
        guard let mail else { return }
        reader.rejectUnknownKeys(
            in: mail,
            known: ["max_message_bytes", "max_parts", "max_depth", "max_archive_bytes", "max_archive_ratio", "max_archive_entries",
                    "parse_timeout", "recipients", "keyrings", "decryption_keyring", "gpg_program", "producers"],
            path: "mail")
        mailLimits.maxMessageBytes = reader.int(mail, "max_message_bytes", path: "mail", range: 1024...(100 << 20)) ?? mailLimits.maxMessageBytes
        mailLimits.maxParts = reader.int(mail, "max_parts", path: "mail", range: 1...10_000) ?? mailLimits.maxParts
        mailLimits.maxDepth = reader.int(mail, "max_depth", path: "mail", range: 1...100) ?? mailLimits.maxDepth
        mailLimits.maxArchiveBytes = reader.int(mail, "max_archive_bytes", path: "mail", range: 1024...(1 << 30)) ?? mailLimits.maxArchiveBytes
        mailLimits.maxArchiveRatio = reader.int(mail, "max_archive_ratio", path: "mail", range: 2...10_000) ?? mailLimits.maxArchiveRatio
        mailLimits.maxArchiveEntries = reader.int(mail, "max_archive_entries", path: "mail", range: 1...100_000) ?? mailLimits.maxArchiveEntries
        if let seconds = reader.int(mail, "parse_timeout", path: "mail", range: 1...3600) { mailLimits.parseTimeout = .seconds(seconds) }
        if let recipients = reader.mapping(mail, "recipients", path: "mail") {
            for (keyNode, _) in recipients {
                let address = (keyNode.string ?? "").lowercased()
                guard let producer = reader.string(recipients, keyNode.string ?? "", path: "mail.recipients") else { continue }
                if Identifier.isValid(producer) { mailRecipients[address] = producer } else {
                    reader.fail(keyNode, key: "mail.recipients.\(address)", "names no valid organisation id")
                }
            }
        }
        if let folder = reader.string(mail, "decryption_keyring", path: "mail") {
            mailDecryptionKeyring = base(folder).path
        }
        if let program = reader.string(mail, "gpg_program", path: "mail") {
            if FileManager.default.isExecutableFile(atPath: base(program).path) { mailGPGProgram = base(program).path } else {
                reader.fail(reader.value(mail, "gpg_program"), key: "mail.gpg_program", "is not an executable file")
            }
        }
        for (producer, keyNode, rule, path) in reader.organisationEntries(mail, "producers", path: "mail") {
            reader.rejectUnknownKeys(in: rule, known: ["senders", "require_signature"], path: path)
            let senders = reader.strings(rule, "senders", path: path) ?? []
            for (sender, node) in senders where sender.isEmpty || sender.contains(where: \.isWhitespace) || sender.hasPrefix("@") {
                reader.fail(node, key: "\(path).senders", "must list addresses or domains")
            }
            let requireSignature = reader.bool(rule, "require_signature", path: path) ?? false
            if senders.isEmpty && !requireSignature {
                reader.fail(keyNode, key: path, "needs senders or require_signature: true")
            }
            mailSenderRules[producer] = MailSenderRule(senders: senders.map(\.0), requireSignature: requireSignature)
        }
        if let keyrings = reader.mapping(mail, "keyrings", path: "mail") {
            for (keyNode, _) in keyrings {
                let producer = keyNode.string ?? ""
                guard let folder = reader.string(keyrings, producer, path: "mail.keyrings") else { continue }
                mailKeyrings[producer] = base(folder).path
            }
        }
    }

    /// `public_url` without its trailing slash, if it is an absolute `http` or `https` URL
    /// with a host and no query, fragment or user information.
    static func publicURL(_ text: String) -> String? {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty, components.query == nil,
            components.fragment == nil, components.user == nil, components.password == nil
        else { return nil }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    static func parseListen(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }
}
