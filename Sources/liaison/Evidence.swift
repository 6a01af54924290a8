import ArgumentParser
import Foundation
import LiaisonCore

struct Evidence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check evidence packages offline.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an evidence package (GET /v1/incidents/{id}/evidence) without the gateway.",
            discussion: """
                Checks the package's Ed25519 signature, the checkpoint's signature, each ledger entry's RFC 9162 \
                inclusion proof, that each projection's SHA-256 is recorded by a proven "disclose" entry, that each \
                custody record's body_sha256 is recorded by a proven "intake" entry, and each receipt's signature. \
                Give --public-key (the JWK from GET /v1/receipts/public-key, obtained separately) to pin the key; \
                without it the package's own key is used, which proves integrity but not origin. \
                Needs no configuration and no database. Exits 0 when everything holds, 65 otherwise.
                """)

        @Argument(help: "The evidence package (JSON).")
        var file: String

        @Option(help: "The gateway's public key as a JWK file, obtained separately from the package.")
        var publicKey: String?

        func run() async throws {
            try await reporting {
                guard let data = FileManager.default.contents(atPath: file), let document = try? CanonicalJSON.decode(JSONValue.self, from: data)
                else { throw ExitFailure.data("\(file) is not JSON") }
                var trusted: ReceiptPublicKey?
                if let publicKey {
                    guard let data = FileManager.default.contents(atPath: publicKey),
                        let jwk = try? JSONDecoder().decode(ReceiptPublicKey.self, from: data), jwk.kty == "OKP", jwk.crv == "Ed25519"
                    else { throw ExitFailure.data("\(publicKey) is not an Ed25519 JWK") }
                    trusted = jwk
                }
                let report = EvidenceVerifier.verify(document, trusted: trusted)
                guard report.problems.isEmpty else {
                    throw ExitFailure.data("\(file) does not verify:\n" + report.problems.map { "  " + $0 }.joined(separator: "\n"))
                }
                print(
                    "\(file): valid; \(report.disclosures) disclosures, \(report.custody) custody records, \(report.receipts) receipts, "
                        + "\(report.entries) ledger entries proven in the checkpoint of \(report.checkpointSize)"
                        + (trusted == nil ? " (key not pinned: give --public-key)" : ""))
            }
        }
    }
}
