import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import Testing

@Suite(.timeLimit(.minutes(5))) struct ConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("The documented example configuration loads, and its values are the defaults")
    func example() throws {
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        let configuration = try Configuration.load(
            file: Self.root.appendingPathComponent("deploy/liaison.example.yaml").path,
            environment: ["LIAISON_VAULT_K1": key, "LIAISON_VAULT_LOOKUP": key, "LIAISON_RECEIPT_SIGNING": key])
        let defaults = Configuration(dataDirectory: configuration.dataDirectory)
        #expect(configuration.host == defaults.host && configuration.port == defaults.port)
        #expect(configuration.databaseURL == nil)
        #expect(configuration.publicURL == nil)
        #expect(configuration.vaultRetention == defaults.vaultRetention)
        #expect(configuration.vaultPurgeInterval == defaults.vaultPurgeInterval)
        #expect(configuration.maxBodyBytes == defaults.maxBodyBytes)
        #expect(configuration.retrySchedule == defaults.retrySchedule)
        #expect(configuration.deliveryTimeout == defaults.deliveryTimeout)
        #expect(configuration.deliveryLease == defaults.deliveryLease && defaults.deliveryLease == .seconds(60))
        #expect(configuration.connectionTimeouts == defaults.connectionTimeouts)
        #expect(configuration.vaultKeys["k1"]?.bytes == Array(repeating: 7, count: 32))
        #expect(configuration.vaultLookupKey?.bytes == Array(repeating: 7, count: 32))
        #expect(configuration.protectionPolicy == defaults.protectionPolicy)
        #expect(configuration.mailLimits == defaults.mailLimits)
        #expect(configuration.intakeLimits == defaults.intakeLimits)
        #expect(configuration.stixLimits == defaults.stixLimits)
        #expect(configuration.receiptSigningKey?.bytes.count == 32)
        #expect(configuration.reidentification == defaults.reidentification && configuration.reidentificationNotify.isEmpty)
        #expect(configuration.publicReport == defaults.publicReport)
        #expect(configuration.console == defaults.console)
    }

    @Test("console is read with its bounds; a bad value or an unknown key is named")
    func console() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try """
            console:
              idle_timeout_minutes: 15
              absolute_timeout_hours: 8
              sign_in_attempts_per_hour: 5
            """.write(to: file, atomically: true, encoding: .utf8)
        let settings = try Configuration.load(file: file.path, environment: [:]).console
        #expect(settings.idleTimeoutMinutes == 15 && settings.absoluteTimeoutHours == 8)
        #expect(settings.signInAttemptsPerHour == 5 && settings.signInAttemptsPerMinute == 60)

        try """
            console:
              idle_timeout_minutes: 0
              absolute_timeout_hours: 1000
              remember_me: true
            """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try Configuration.load(file: file.path, environment: [:])
            Issue.record("loaded a bad console section")
        } catch {
            #expect(Set(error.problems.map(\.key)) == ["console.idle_timeout_minutes", "console.absolute_timeout_hours", "console.remember_me"])
        }
    }

    @Test("public_report is read with its bounds; enabled without its required keys, or with bad values, names each key")
    func publicReport() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try """
            public_report:
              enabled: true
              producer: national-cert
              cert_name: National CERT of Ruritania
              logo_text: RU-CERT
              privacy_notice: We keep your details apart from the report.
              privacy_url: https://cert.example/privacy
              per_address_per_hour: 3
              per_minute: 20
            """.write(to: file, atomically: true, encoding: .utf8)
        let settings = try Configuration.load(file: file.path, environment: [:]).publicReport
        #expect(settings.enabled && settings.producer == "national-cert" && settings.certName == "National CERT of Ruritania")
        #expect(settings.logoText == "RU-CERT" && settings.privacyURL == "https://cert.example/privacy")
        #expect(settings.perAddressPerHour == 3 && settings.perMinute == 20 && settings.maxDescriptionChars == 5000)

        try """
            public_report:
              enabled: true
              producer: "Not An Id"
              logo_text: \(String(repeating: "X", count: 41))
              privacy_url: javascript:alert(1)
              per_minute: 0
              captcha: true
            """.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try Configuration.load(file: file.path, environment: [:])
            Issue.record("loaded a bad public_report")
        } catch {
            let keys = Set(error.problems.map(\.key))
            #expect(keys == [
                "public_report.producer", "public_report.cert_name", "public_report.privacy_notice", "public_report.logo_text",
                "public_report.privacy_url", "public_report.per_minute", "public_report.captcha",
            ])
        }
    }

    @Test("JSON depth, string and listed-error bounds are read from intake, and out-of-range values named")
    func jsonLimits() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try "intake:\n  max_json_depth: 16\n  max_string_bytes: 4096\n  max_errors: 5\n".write(to: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(file: file.path, environment: [:])
        #expect(configuration.intakeLimits.maxJSONDepth == 16 && configuration.intakeLimits.maxStringLength == 4096)
        #expect(configuration.intakeLimits.maxErrorsListed == 5 && configuration.stixLimits.maxErrorsListed == 5)
        try "intake:\n  max_json_depth: 0\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
        #expect(error?.description.contains("intake.max_json_depth") == true)
    }

    @Test("delivery.lease_ms is read, and refused out of range or not longer than delivery.timeout_ms", arguments: [
        ("delivery:\n  lease_ms: 2500\n  timeout_ms: 1000\n", nil),
        ("delivery:\n  lease_ms: 999\n  timeout_ms: 500\n", "delivery.lease_ms"),
        ("delivery:\n  lease_ms: 3600001\n", "delivery.lease_ms"),
        ("delivery:\n  lease_ms: 1000\n  timeout_ms: 1000\n", "longer than delivery.timeout_ms"),
        ("delivery:\n  timeout_ms: 60000\n", "longer than delivery.timeout_ms"),
    ] as [(String, String?)])
    func deliveryLease(text: String, problem: String?) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        guard let problem else {
            #expect(try Configuration.load(file: file.path, environment: [:]).deliveryLease == .milliseconds(2500))
            return
        }
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }

    @Test("The circuit breaker and the Retry-After cap are read from delivery, default to 5 failures, 60 s and 1 h, and out-of-range values are named", arguments: [
        ("delivery:\n  breaker_failures: 3\n  breaker_cooldown_ms: 5000\n  retry_after_cap_ms: 120000\n", nil),
        ("delivery:\n  breaker_failures: 0\n", "delivery.breaker_failures"),
        ("delivery:\n  breaker_cooldown_ms: 999\n", "delivery.breaker_cooldown_ms"),
        ("delivery:\n  retry_after_cap_ms: 604800001\n", "delivery.retry_after_cap_ms"),
        ("delivery:\n  retry_after_cap_ms: soon\n", "delivery.retry_after_cap_ms"),
    ] as [(String, String?)])
    func endpointHealth(text: String, problem: String?) throws {
        let defaults = try Configuration.load(file: nil, environment: [:])
        #expect(defaults.circuitBreaker == CircuitBreaker(failures: 5, cooldown: .seconds(60)) && defaults.retryAfterCap == .seconds(3600))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        guard let problem else {
            let configuration = try Configuration.load(file: file.path, environment: [:])
            #expect(configuration.circuitBreaker == CircuitBreaker(failures: 3, cooldown: .seconds(5)))
            #expect(configuration.retryAfterCap == .seconds(120))
            return
        }
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }

    @Test("Connection timeouts are read from http, default to 60 s idle and 10 s for a head, and out-of-range values named")
    func connectionTimeouts() throws {
        #expect(ConnectionTimeouts() == ConnectionTimeouts(idle: .seconds(60), header: .seconds(10), bodyMinBytesPerSecond: 8192))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try "http:\n  idle_timeout_ms: 5000\n  header_timeout_ms: 2000\n  body_min_bytes_per_second: 0\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(file: file.path, environment: [:])
        #expect(configuration.connectionTimeouts == ConnectionTimeouts(idle: .seconds(5), header: .seconds(2), bodyMinBytesPerSecond: 0))
        try "http:\n  header_timeout_ms: 0\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
        #expect(error?.description.contains("http.header_timeout_ms") == true)
    }

    @Test("Re-identification approvers, time limits and producer webhooks are read; the DPO rule needs an operator; mistakes named")
    func reidentification() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        let secret = "whsec_" + Data(repeating: 9, count: 32).base64EncodedString()
        try """
            governance:
              operator: gateway-op
            reidentification:
              approvers: producer-admin+dpo
              request_ttl_hours: 24
              retrieval_ttl_minutes: 15
              notify:
                cert:
                  url: https://cert.example/hooks/liaison
                  secret: env:CERT_NOTIFY_SECRET
            """.write(to: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(file: file.path, environment: ["CERT_NOTIFY_SECRET": secret])
        #expect(configuration.reidentification == ReidentificationPolicy(
            approvers: .producerAdminAndDPO, operatorOrganisation: "gateway-op", requestTTL: 24 * 3600, retrievalTTL: 15 * 60))
        #expect(configuration.reidentificationNotify["cert"]?.url == "https://cert.example/hooks/liaison")
        #expect(configuration.reidentificationNotify["cert"]?.secret == WebhookSignature.secret(fromText: secret))

        try "reidentification:\n  approvers: producer-admin+dpo\n  request_ttl_hours: 0\n  notify:\n    cert: {url: ftp://x, secret: plain}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
        let text = error?.description ?? ""
        #expect(text.contains("reidentification.approvers") && text.contains("governance.operator"))
        #expect(text.contains("reidentification.request_ttl_hours"))
        #expect(text.contains("reidentification.notify.cert.url") && text.contains("reidentification.notify.cert.secret"))
        #expect(!text.contains("plain"))
    }

    @Test("Protection policy and retention by kind are read from the file, and mistakes named")
    func protection() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try """
            protection:
              always_personal: [email, person]
              personal_roles: {ipv4: [victim, offender]}
            vault:
              retention_days_by_kind: {phone: 30}
            """.write(to: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(file: file.path, environment: [:])
        #expect(configuration.protectionPolicy.isPersonal(.ipv4, role: .offender))
        #expect(!configuration.protectionPolicy.isPersonal(.phone, role: .victim))
        #expect(configuration.vaultRetention.days(for: .phone) == 30 && configuration.vaultRetention.days(for: .email) == 730)
        try "protection:\n  always_personal: [email, shoe-size]\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
    }

    @Test("The e-mail archive bounds and parse timeout are read from the file, and bad values named")
    func mailBounds() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try """
            mail:
              max_archive_bytes: 2097152
              max_archive_ratio: 50
              max_archive_entries: 7
              parse_timeout: 3
            """.write(to: file, atomically: true, encoding: .utf8)
        let limits = try Configuration.load(file: file.path, environment: [:]).mailLimits
        #expect(limits.maxArchiveBytes == 2 << 20 && limits.maxArchiveRatio == 50 && limits.maxArchiveEntries == 7)
        #expect(limits.parseTimeout == .seconds(3))
        try "mail:\n  parse_timeout: 0\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
    }

    @Test("public_url is an absolute http or https URL without query, fragment or credentials; a trailing slash is dropped", arguments: [
        ("https://liaison.example.org/", "https://liaison.example.org"), ("http://127.0.0.1:8080/gw", "http://127.0.0.1:8080/gw"),
        ("liaison.example.org", nil), ("ftp://liaison.example.org", nil), ("https://liaison.example.org/?a=1", nil),
        ("https://user:pw@liaison.example.org", nil), ("https://liaison.example.org/#top", nil), ("/taxii2", nil),
    ])
    func publicURL(text: String, expected: String?) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-\(UUID().uuidString).yaml")
        try "public_url: \"\(text)\"\n".write(to: file, atomically: true, encoding: .utf8)
        if let expected {
            #expect(try Configuration.load(file: file.path, environment: [:]).publicURL == expected)
            #expect(try Configuration.load(file: nil, environment: ["LIAISON_PUBLIC_URL": text]).publicURL == expected)
        } else {
            let error = #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, environment: [:]) }
            #expect(error?.description.contains("public_url") == true)
        }
    }

    @Test("Environment variables override the file")
    func overrides() throws {
        let configuration = try Configuration.load(
            file: Self.root.appendingPathComponent("deploy/local/liaison.yaml").path,
            environment: ["LIAISON_LISTEN": "[::1]:9090", "LIAISON_DATABASE_URL": "postgres://u@localhost/db"])
        #expect(configuration.host == "::1" && configuration.port == 9090)
        #expect(configuration.databaseURL == "postgres://u@localhost/db")
        #expect(configuration.agreementsDirectory?.lastPathComponent == "agreements")
    }

    @Test("The demo agreement loads as the walkthrough describes")
    func demoAgreement() throws {
        let loaded = try AgreementLoader(environment: [:]).load(
            directory: Self.root.appendingPathComponent("deploy/local/agreements"))
        let agreement = try #require(loaded.first?.agreement)
        #expect(agreement.producer == "demo-cert" && agreement.consumer == "demo-police")
        #expect(agreement.personalData == [.email: .pseudonymise, .phone: .mask])
        #expect(agreement.webhook?.url == "http://127.0.0.1:8088/webhook")
        #expect(agreement.requiresPurpose && agreement.purpose != nil)
    }
}

@Suite(.timeLimit(.minutes(5))) struct AgreementLoaderTests {
    func load(_ yaml: String) throws -> Agreement {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agreement-\(UUID().uuidString).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try #require(try AgreementLoader(environment: [:]).load(files: [file.path]).first?.agreement)
    }

    @Test("Reads require_purpose, true unless it says false, and refuses anything but a boolean")
    func requirePurpose() throws {
        let base = """
            id: a
            producer: cert
            consumer: police
            match: {taxonomies: [fraud], max_tlp: TLP:AMBER}
            share: {fields: [title]}
            """
        #expect(try load(base).requiresPurpose)
        #expect(try load(base + "\nrequire_purpose: true").requiresPurpose)
        #expect(try load(base + "\nrequire_purpose: false").requiresPurpose == false)
        let error = #expect(throws: ConfigurationError.self) { try load(base + "\nrequire_purpose: sometimes") }
        #expect(error?.description.contains("require_purpose: must be true or false") == true)
    }

    @Test("Reads per-role actions with a default, and refuses reveal without a legal basis")
    func roles() throws {
        let base = """
            id: a
            producer: cert
            consumer: police
            match: {taxonomies: [fraud], max_tlp: TLP:RED}
            share:
              fields: [observables]
              personal_data:
                email: {offender: reveal, victim: mask, default: drop}
                ipv4: generalise
            """
        let agreement = try load("legal_basis: Art. 4\n" + base)
        #expect(agreement.action(for: .email, role: .offender) == .reveal)
        #expect(agreement.action(for: .email, role: .victim) == .mask)
        #expect(agreement.action(for: .email, role: .unknown) == .drop)
        #expect(agreement.action(for: .ipv4, role: .victim) == .generalise)
        let error = #expect(throws: ConfigurationError.self) { try load(base) }
        #expect(error?.description.contains("share.personal_data.email.offender: reveal needs the agreement's legal_basis") == true)
        let phone = #expect(throws: ConfigurationError.self) { try load(base.replacingOccurrences(of: "ipv4: generalise", with: "phone: generalise")) }
        #expect(phone?.description.contains("phone cannot be generalised") == true)
    }

    @Test("Reads the MoU fields, offences and IEP policy, and enforces the IEP rules it can")
    func mouAndIEP() throws {
        let base = """
            id: a
            producer: cert
            consumer: police
            title: MoU on incident sharing
            reference: CERT/POL-2026-04
            purpose: criminal investigation of computer-related fraud
            valid_from: 2026-01-01
            valid_until: 2027-12-31T23:59:59Z
            review_date: 2026-06-30
            contacts:
              - {party: producer, role: duty officer, name: Ana Test, email: duty@cert.example}
              - {party: consumer, role: liaison, name: Insp. Test, phone: "+381 11 000 000"}
            match: {offences: [art-8-computer-related-fraud], max_tlp: TLP:AMBER}
            share: {fields: [title, classification]}
            webhook: {url: "http://police.example/hook", secret: "whsec_\(Data(repeating: 5, count: 32).base64EncodedString())"}
            """
        let agreement = try load(base)
        #expect(agreement.title == "MoU on incident sharing" && agreement.reference == "CERT/POL-2026-04")
        #expect(agreement.validFrom == RFC3339.date(from: "2026-01-01T00:00:00Z"))
        #expect(agreement.contacts.count == 2 && agreement.contacts[1].phone == "+381 11 000 000")
        #expect(agreement.match.offences == [.computerRelatedFraud] && agreement.match.taxonomies.isEmpty)
        // A phishing incident points to art. 8: covered by offence, though fraud is not listed as a taxonomy.
        #expect(agreement.match.covers(Classification(taxonomy: "fraud", type: "phishing")!))
        #expect(!agreement.match.covers(Classification(taxonomy: "availability", type: "ddos")!))

        let iep = "\niep: {encrypt_in_transit: must, attribution: must-not, tlp: TLP:AMBER, permitted_actions: contact-for-instruction}"
        let https = #expect(throws: ConfigurationError.self) { try load(base + iep) }
        #expect(https?.description.contains("webhook.url: must be https: iep.encrypt_in_transit is must") == true)
        let secure = try load(base.replacingOccurrences(of: "http://police", with: "https://police") + iep)
        #expect(secure.iep?.attribution == .mustNot && secure.iep?.permittedActions == .contactForInstruction)
        let producer = #expect(throws: ConfigurationError.self) {
            try load(base.replacingOccurrences(of: "http://police", with: "https://police")
                .replacingOccurrences(of: "fields: [title, classification]", with: "fields: [title, producer]") + iep)
        }
        #expect(producer?.description.contains("shares the producer, which iep.attribution must-not forbids") == true)
        let tlp = #expect(throws: ConfigurationError.self) {
            try load(base.replacingOccurrences(of: "http://police", with: "https://police").replacingOccurrences(of: "max_tlp: TLP:AMBER", with: "max_tlp: TLP:RED") + iep)
        }
        #expect(tlp?.description.contains("match.max_tlp: differs from iep.tlp") == true)
        let nothing = #expect(throws: ConfigurationError.self) {
            try load(base.replacingOccurrences(of: "offences: [art-8-computer-related-fraud], ", with: ""))
        }
        #expect(nothing?.description.contains("match: must name taxonomies, offences or both") == true)
    }

    @Test("The agreement JSON Schema names exactly the keys the loader reads")
    func schemaKeys() throws {
        let url = ConfigurationTests.root.appendingPathComponent("schemas/agreement.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == AgreementLoader.keys)
    }
}

@Suite(.timeLimit(.minutes(5))) struct AgreementWebhookFormatTests {
    func load(_ format: String?) throws -> Agreement {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agreement-\(UUID().uuidString).yaml")
        let yaml = """
            id: a
            producer: cert
            consumer: police
            match: {taxonomies: [fraud], max_tlp: TLP:RED}
            share: {fields: [observables], personal_data: {}}
            webhook:
              url: https://police.example/hook
              secret: whsec_\(Data(repeating: 42, count: 32).base64EncodedString())
            """ + (format.map { "\n  format: \($0)" } ?? "")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try #require(try AgreementLoader(environment: [:]).load(files: [file.path]).first?.agreement)
    }

    @Test("Reads webhook.format json or stix, json by default, and refuses anything else")
    func format() throws {
        #expect(try load(nil).webhook?.format == .json)
        #expect(try load("json").webhook?.format == .json)
        #expect(try load("json").versionHash == load(nil).versionHash)
        #expect(try load("stix").webhook?.format == .stix)
        let error = #expect(throws: ConfigurationError.self) { try load("xml") }
        #expect(error?.description.contains("webhook.format: must be json or stix") == true)
    }

    @Test("Reads a rotation's previous secret with its end and v1a, which are part of the version, and refuses one without the other", arguments: [
        ("\n  v1a: true\n  previous_secret: whsec_\(Data(repeating: 7, count: 32).base64EncodedString())\n  previous_secret_until: 2027-01-01T00:00:00Z", nil),
        ("\n  previous_secret: whsec_\(Data(repeating: 7, count: 32).base64EncodedString())", "webhook.previous_secret: needs webhook.previous_secret_until"),
        ("\n  previous_secret_until: 2027-01-01T00:00:00Z", "webhook.previous_secret_until: needs webhook.previous_secret"),
        ("\n  previous_secret: whsec_AAAA\n  previous_secret_until: 2027-01-01T00:00:00Z", "webhook.previous_secret: must be whsec_"),
        ("\n  previous_secret: whsec_\(Data(repeating: 7, count: 32).base64EncodedString())\n  previous_secret_until: soon", "webhook.previous_secret_until: must be an RFC 3339 time"),
    ] as [(String, String?)])
    func rotation(extra: String, problem: String?) throws {
        let format = "json" + extra
        guard let problem else {
            let webhook = try #require(try load(format).webhook)
            #expect(webhook.v1a && webhook.previousSecret?.bytes == Array(repeating: 7, count: 32))
            #expect(webhook.secrets(at: RFC3339.date(from: "2026-12-31T23:59:59Z")!).count == 2)
            #expect(webhook.secrets(at: RFC3339.date(from: "2027-01-01T00:00:00Z")!).map(\.bytes) == [webhook.secret.bytes])
            #expect(try load(format).versionHash != load(nil).versionHash)
            let document = try load(format).document
            let read = try Agreement(document: document, secrets: try load(format).secrets)
            #expect(read.webhook == webhook)
            return
        }
        let error = #expect(throws: ConfigurationError.self) { try load(format) }
        #expect(error?.description.contains(problem) == true, "\(String(describing: error))")
    }
}
