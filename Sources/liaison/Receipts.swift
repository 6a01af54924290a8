import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonServer

struct Receipts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the gateway's signed receipts.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a receipt's Ed25519 signature.",
            discussion: """
                The signature covers the RFC 8785 canonical JSON of the receipt without its "signature" \
                member. The key is --public-key (a JWK file, as GET /v1/receipts/public-key gives it), \
                else the gateway's own key from its configuration. Exits 0 when valid, 65 when not.
                """)

        @OptionGroup var options: ConfigOptions

        @Argument(help: "A receipt as the gateway answered it (JSON).")
        var file: String

        @Option(help: "The gateway's public key as a JWK file.")
        var publicKey: String?

        func run() async throws {
            try await reporting {
                guard let data = FileManager.default.contents(atPath: file),
                    let receipt = try? CanonicalJSON.decode(Receipt.self, from: data)
                else { throw ExitFailure.data("\(file) is not a receipt") }
                let key: ReceiptPublicKey
                if let publicKey {
                    guard let data = FileManager.default.contents(atPath: publicKey),
                        let jwk = try? JSONDecoder().decode(ReceiptPublicKey.self, from: data), jwk.kty == "OKP", jwk.crv == "Ed25519"
                    else { throw ExitFailure.data("\(publicKey) is not an Ed25519 JWK") }
                    key = ReceiptPublicKey(raw: Base64URL.decode(jwk.x) ?? [])
                } else {
                    key = try gateway(options).receiptSigner().publicKey
                }
                guard key.verifies(receipt) else {
                    throw ExitFailure.data("\(file): the signature does not verify with key \(key.kid)")
                }
                print("\(file): valid signature by key \(key.kid) (receipt \(receipt.id))")
            }
        }
    }
}
