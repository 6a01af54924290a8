import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonIntake
import LiaisonMail
import LiaisonStore
import Logging

/// Everything `liaison` reads at start, from `liaison.yaml` and the environment.
/// Each key, its type and its default are listed where it is read, in
/// ``Configuration/load(file:environment:)``; `deploy/liaison.example.yaml` shows them all.
public struct Configuration: Sendable {
    /// `listen` / `LIAISON_LISTEN`: host and port of the HTTP server. Default `127.0.0.1:8080`.
    public var host: String
    public var port: Int
    /// `public_url` / `LIAISON_PUBLIC_URL`: the gateway's address as clients reach it (an
    /// absolute `http` or `https` URL, path allowed, no query, fragment or credentials; a
    /// trailing slash is dropped), for URLs it hands out such as TAXII discovery's API roots.
    /// Default: none, and such URLs are relative. Never taken from a request's `Host`.
    public var publicURL: String?
    /// `data_dir` / `LIAISON_DATA_DIR`: the embedded cluster, generated keys. Default `./.liaison`.
    public var dataDirectory: URL
    /// `database_url` / `LIAISON_DATABASE_URL`: a PostgreSQL URL; none means the embedded cluster.
    public var databaseURL: String?
    /// `agreements_dir` / `LIAISON_AGREEMENTS_DIR`: the agreement YAML files. Default: none loaded.
    public var agreementsDirectory: URL?
    /// `vault.keys` / `LIAISON_VAULT_KEY`, `LIAISON_VAULT_KEY_FILE`: vault keys by id.
    /// None configured means a key generated once in `DATA_DIR/vault.key`.
    public var vaultKeys: [String: Secret]
    /// `vault.current_key`: the key id new entries use. Default `k1`.
    public var vaultCurrentKey: String
    /// `vault.lookup_key` / `LIAISON_VAULT_LOOKUP_KEY`: the key of the lookup hashes used
    /// for erasure; kept across rotations. None: generated once in `DATA_DIR/vault-lookup.key`.
    public var vaultLookupKey: Secret?
    /// `vault.retention_days` (default 730) and `vault.retention_days_by_kind`.
    public var vaultRetention: VaultRetention
    /// `vault.purge_interval_minutes`: how often `serve` deletes expired entries. Default 60.
    public var vaultPurgeInterval: Duration
    /// `protection.always_personal`, `protection.personal_roles`: what counts as personal data.
    public var protectionPolicy: ProtectionPolicy
    /// `intake.max_body_bytes`: the largest request body taken. Default 16 MiB.
    public var maxBodyBytes: Int
    /// `intake.default_tlp`: the label of an event that carries none. Default `TLP:AMBER`.
    public var defaultTLP: TLP
    /// `intake.max_events` (default 100,000), `intake.max_json_depth` (default 64),
    /// `intake.max_string_bytes` (default 1 MiB): bounds on one request's events and JSON;
    /// `intake.max_errors` (default 100): the most problems a refusal lists.
    public var intakeLimits: IntakeLimits
    /// `intake.max_objects_per_bundle` (50,000) and `intake.max_reference_depth` (3): bounds
    /// on one STIX bundle or TAXII envelope.
    public var stixLimits: STIXLimits
    /// `delivery.*`: retry schedule and worker pacing.
    public var retrySchedule: RetrySchedule
    public var deliveryTimeout: Duration
    public var deliveryPollInterval: Duration
    /// `delivery.lease_ms`: how long a claimed delivery stays reserved for the replica that
    /// claimed it; if that replica dies, another sends it once the lease runs out. Default 60 s.
    public var deliveryLease: Duration = .seconds(60)
    /// `delivery.breaker_failures` (default 5) and `delivery.breaker_cooldown_ms` (default
    /// 60,000): failed attempts in a row that open an endpoint's circuit breaker, and how long
    /// it stays open before one probe.
    public var circuitBreaker = CircuitBreaker()
    /// `delivery.retry_after_cap_ms`: the longest wait a receiver's `Retry-After` imposes.
    /// Default 1 h.
    public var retryAfterCap: Duration = .seconds(3600)
    /// `http.idle_timeout_ms` (60,000), `http.header_timeout_ms` (10,000),
    /// `http.body_min_bytes_per_second` (8,192): when a slow or idle connection is closed.
    public var connectionTimeouts: ConnectionTimeouts
    /// `mail.max_message_bytes` (25 MiB), `mail.max_parts` (200), `mail.max_depth` (10),
    /// `mail.max_archive_bytes` (100 MiB), `mail.max_archive_ratio` (100), `mail.max_archive_entries` (100),
    /// `mail.parse_timeout` (10 s for parsing and mapping one message).
    public var mailLimits: MailLimits
    /// `mail.recipients`: recipient address → producer, for `liaison mail --recipient`.
    public var mailRecipients: [String: String]
    /// `mail.producers.ORG.senders` (addresses and domains) and `.require_signature` (default
    /// false): who may send as ORG through `liaison mail`. No rule: any sender.
    public var mailSenderRules: [String: MailSenderRule]
    /// `mail.keyrings`: producer → GnuPG home whose keys verify its signed reports.
    public var mailKeyrings: [String: String]
    /// `governance.*`: who approves agreement versions (see ``Configuration/readGovernance``).
    public var governance = AgreementGovernance()
    /// `governance.auto_approve_files`: agreement files are approved as they are applied, in
    /// the gateway's name. For the local demo only: it bypasses four eyes. Default false.
    public var autoApproveAgreementFiles = false
    /// `governance.refresh_seconds`: how often each replica re-reads the agreements in force
    /// (and so how soon an approval, suspension or expiry takes effect). Default 2.
    public var agreementRefreshInterval: Duration = .seconds(2)
    /// `ledger.*`: the ledger's name and when and where its checkpoints are published.
    public var ledger = LedgerSettings()
    /// `reidentification.*`: who approves re-identification requests and how long requests and
    /// retrieval windows last (see ``Configuration/readReidentification``); its operator is
    /// `governance.operator`.
    public var reidentification = ReidentificationPolicy()
    /// `reidentification.notify.ORG`: the webhook (`url`, `secret`) that tells producer ORG of
    /// new requests. Default: none; the admin API lists pending requests either way.
    public var reidentificationNotify: [String: NotificationWebhook] = [:]
    /// `delivery.allow_insecure_loopback`: an IEP policy that requires encryption in transit may
    /// still name an `http` webhook on 127.0.0.1 or localhost. Development only; default false.
    public var allowInsecureLoopback = false
    /// `delivery.allowed_networks`: address ranges a webhook may resolve to although they are
    /// not public (loopback, private, link-local, CGNAT, ...). Default none: only public
    /// addresses are sent to.
    public var webhookDestinations = DestinationRule()
    /// `public_report.*`: the public fraud-reporting form (``PublicReportSettings``). Default: off.
    public var publicReport = PublicReportSettings()
    /// `console.*`: session timeouts and sign-in bounds of the console (``ConsoleSettings``).
    public var console = ConsoleSettings()
    /// `mail.gpg_program`: the gpg executable GPGME drives; nil means GnuPG's own.
    public var mailGPGProgram: String?
    /// `mail.decryption_keyring`: GnuPG home with the gateway's secret key, for encrypted reports.
    public var mailDecryptionKeyring: String?
    /// `receipts.signing_key` / `LIAISON_RECEIPT_KEY`: the Ed25519 private key (base64 of 32
    /// bytes) that signs receipts. None: generated once in `DATA_DIR/receipt-signing.key`.
    public var receiptSigningKey: Secret?
    /// `log_level` / `LIAISON_LOG_LEVEL`: trace, debug, info, notice, warning, error. Default `info`.
    public var logLevel: Logger.Level
    /// `log_format` / `LIAISON_LOG_FORMAT`: `text` (default) or `json`; see ``LogFormat``.
    public var logFormat: LogFormat
    /// `metrics.*`: who may read `GET /metrics`; see ``MetricsSettings``.
    public var metrics: MetricsSettings
    /// `tls.*`: HTTPS on `listen`, and which client certificates it accepts; see
    /// ``ServerTLSSettings``. Default: none, plain HTTP.
    public var tls: ServerTLSSettings?

    public init(dataDirectory: URL) {
        host = "127.0.0.1"
        port = 8080
        publicURL = nil
        self.dataDirectory = dataDirectory
        databaseURL = nil
        agreementsDirectory = nil
        vaultKeys = [:]
        vaultCurrentKey = "k1"
        vaultLookupKey = nil
        vaultRetention = VaultRetention()
        vaultPurgeInterval = .seconds(3600)
        protectionPolicy = .standard
        maxBodyBytes = 16 << 20
        defaultTLP = .amber
        intakeLimits = IntakeLimits()
        stixLimits = STIXLimits()
        retrySchedule = RetrySchedule()
        deliveryTimeout = .seconds(15)
        deliveryPollInterval = .seconds(1)
        connectionTimeouts = ConnectionTimeouts()
        receiptSigningKey = nil
        mailLimits = MailLimits()
        mailRecipients = [:]
        mailKeyrings = [:]
        mailSenderRules = [:]
        mailDecryptionKeyring = nil
        logLevel = .info
        logFormat = .text
        metrics = MetricsSettings()
    }
}

/// Configuration that cannot be used: the key and what is wrong with it.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var problems: [YAMLProblem]

    public init(problems: [YAMLProblem]) { self.problems = problems }

    public init(key: String, _ message: String, file: String = "configuration") {
        problems = [YAMLProblem(file: file, line: 0, key: key, message: message)]
    }

    public var description: String {
        problems.map { $0.line == 0 ? "\($0.file): \($0.key): \($0.message)" : $0.description }
            .joined(separator: "\n")
    }
}
