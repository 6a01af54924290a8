import Foundation
import LiaisonCore
import Testing

@Suite struct CanonicalJSONTests {
    @Test("Canonicalises as RFC 8785's own example does")
    func rfc8785Example() throws {
        let input = #"{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(input.utf8))
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == expected)
    }

    @Test("Sorts member names by UTF-16 code units")
    func utf16Order() {
        let value = JSONValue.object(["\u{20AC}": .number(1), "\u{1F600}": .number(2), "a": .number(3), "": .number(0)])
        // U+20AC is one code unit, 0x20AC; U+1F600 starts with the surrogate 0xD83D, so it sorts after.
        #expect(String(decoding: value.canonicalBytes, as: UTF8.self) == "{\"\":0,\"a\":3,\"\u{20AC}\":1,\"\u{1F600}\":2}")
    }
}

@Suite struct ReceiptSignerTests {
    let signer = try! ReceiptSigner(privateKey: Secret(bytes: Array(repeating: 9, count: 32)))

    func receipt() -> Receipt {
        Receipt(
            id: UUID(), producer: "demo-cert", transport: .httpEvents, receivedAt: Date(timeIntervalSince1970: 1_790_000_000.123),
            bodySHA256: String(repeating: "ab", count: 32),
            outcomes: [.init(index: 0, incidentID: UUID(), status: .accepted), .init(index: 1, incidentID: UUID(), status: .duplicate)],
            parts: [.init(path: "/1", status: "rejected", reason: "xml-doctype-forbidden")])
    }

    @Test("A signed receipt verifies with the public key, survives a JSON round trip, and fails when altered")
    func signAndVerify() throws {
        let signing = try signer.sign(receipt())
        let signed = signing.receipt
        // The document answered is the signed receipt's canonical form, and reads back as it.
        #expect(signing.document == signed.canonicalBytes)
        #expect(try SignedReceipt(stored: signing.document).document == signing.document)
        #expect(signed.signature?.keyID == signer.publicKey.kid)
        #expect(signer.publicKey.verifies(signed))
        let roundTrip = try CanonicalJSON.decode(Receipt.self, from: CanonicalJSON.encode(signed))
        #expect(signer.publicKey.verifies(roundTrip))
        var altered = signed
        altered.outcomes[1].status = .accepted
        #expect(!signer.publicKey.verifies(altered))
        let other = try ReceiptSigner(privateKey: Secret(bytes: Array(repeating: 8, count: 32)))
        #expect(!other.publicKey.verifies(signed))
    }

    @Test("Times keep their text through a round trip, so stored receipts stay verifiable", arguments: [
        1_790_000_000.123, 1_790_000_000.999_6, 1_790_000_000, 0.001, 1_764_378_722.889,
    ])
    func timeRoundTrip(seconds: Double) throws {
        let text = RFC3339.string(from: Date(timeIntervalSince1970: seconds))
        let parsed = try #require(RFC3339.date(from: text))
        #expect(RFC3339.string(from: parsed) == text)
    }

    @Test("The key id is the RFC 7638 thumbprint of the JWK")
    func thumbprint() {
        let key = signer.publicKey
        #expect(key.kty == "OKP" && key.crv == "Ed25519" && Base64URL.decode(key.x)?.count == 32)
        #expect(Base64URL.decode(key.kid)?.count == 32)
    }
}
