import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonServer
import LiaisonStore
import NIOSSL

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage API keys: create, list, revoke.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an API key and print it once.",
            discussion: """
                The key is printed on standard output and never again: the gateway keeps only its \
                SHA-256. The organisation is created if it does not exist. Roles: producer (pushes \
                incidents), consumer (reads its feed), admin, auditor. Admin, auditor and consumer keys \
                belong to a named person (--person): four-eyes approval and the audit trail name them. \
                The name is staff data, shown to the admins and auditors of its own organisation only.
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "The organisation, e.g. demo-cert (lower-case letters, digits, '.', '_', '-').")
        var org: String

        @Option(help: "producer, consumer, admin or auditor.")
        var role: String

        @Option(help: "The person the key belongs to (required for consumer, admin and auditor keys).")
        var person: String?

        @Option(help: "When the key stops working: an RFC 3339 time or a date (YYYY-MM-DD, midnight UTC).")
        var expires: String?

        @Option(
            help: """
                Bind the key to this client certificate (PEM file; its SHA-256 is kept, not the file): \
                a request on the TLS listener presenting it acts as the key. No key is printed.
                """)
        var clientCertificate: String?

        func validate() throws {
            guard Identifier.isValid(org) else {
                throw ValidationError("--org must be 1–63 lower-case letters, digits, '.', '_' or '-'.")
            }
            guard let role = APIRole(rawValue: role) else {
                throw ValidationError("--role must be producer, consumer, admin or auditor.")
            }
            let person = person?.trimmingCharacters(in: .whitespaces) ?? ""
            if role != .producer, person.isEmpty { throw ValidationError("--person is required for \(role.rawValue) keys.") }
            if person.count > 200 { throw ValidationError("--person is longer than 200 characters.") }
            if let expires {
                guard let date = Self.date(expires), date > Date() else {
                    throw ValidationError("--expires must be an RFC 3339 time or a YYYY-MM-DD date in the future.")
                }
            }
        }

        /// SHA-256 (lower-case hex) of the DER of the first certificate in a PEM file.
        static func fingerprint(ofCertificateAt path: String) throws -> String {
            guard let leaf = try? WebhookTLSMaterial.certificates(at: path, member: "client-certificate").first,
                let fingerprint = WebhookTLSMaterial.fingerprint(of: leaf)
            else { throw ExitFailure.data("--client-certificate is not a readable PEM certificate (at most 1 MiB)") }
            return fingerprint
        }

        static func date(_ text: String) -> Date? {
            RFC3339.date(from: text) ?? RFC3339.date(from: text + "T00:00:00Z")
        }

        func run() async throws {
            try await reporting {
                let (org, role) = (org, APIRole(rawValue: role)!)
                let person = person?.trimmingCharacters(in: .whitespaces)
                let expiresAt = expires.flatMap(Self.date)
                let certificate = try clientCertificate.map(Self.fingerprint(ofCertificateAt:))
                let created = try await gateway(options).withStore { store, _ in
                    do {
                        return try await store.createAPIKey(
                            organisation: org, role: role, person: person?.isEmpty == true ? nil : person, expiresAt: expiresAt,
                            clientCertificateSHA256: certificate)
                    } catch StoreError.uniqueViolation(let constraint) where constraint == "api_keys_client_certificate" {
                        throw ExitFailure.data("a live key is bound to this client certificate already; revoke it first")
                    }
                }
                if let certificate {
                    print("\(created.id.uuidString.lowercased()) bound to client certificate sha256 \(certificate)")
                } else {
                    print(created.key)
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List keys (never the keys themselves): id, organisation, role, person, expiry, revocation.")

        @OptionGroup var options: ConfigOptions

        @Option(help: "Only this organisation's keys.")
        var org: String?

        func run() async throws {
            try await reporting {
                let keys = try await gateway(options).withStore { store, _ in try await store.apiKeys(organisation: org) }
                for key in keys {
                    var line = "\(key.id.uuidString.lowercased())  \(key.organisation)  \(key.role.rawValue)  \(key.person ?? "-")"
                    if let expires = key.expiresAt { line += "  expires \(RFC3339.string(from: expires))" }
                    if let certificate = key.clientCertificateSHA256 { line += "  certificate \(certificate)" }
                    if let revoked = key.revokedAt { line += "  revoked \(RFC3339.string(from: revoked))" }
                    print(line)
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a key by its id (from keys list); it stops working at once. Audited.")

        @OptionGroup var options: ConfigOptions

        @Argument(help: "The key's id.")
        var id: String

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("The id must be a key id as keys list prints it.") }
        }

        func run() async throws {
            try await reporting {
                let id = UUID(uuidString: id)!
                let record = try await gateway(options).withStore { store, _ in
                    try await store.revokeAPIKey(id, organisation: nil, by: AuditActor(organisation: "cli"))
                }
                guard let record else { throw ExitFailure.data("no key has the id \(id.uuidString.lowercased())") }
                print("revoked \(record.id.uuidString.lowercased()) (\(record.organisation), \(record.role.rawValue))")
            }
        }
    }
}
