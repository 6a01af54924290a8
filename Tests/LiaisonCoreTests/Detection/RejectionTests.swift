import Testing
@testable import LiaisonCore

@Suite("Look-alikes are not flagged")
struct RejectionTests {
    /// Valid values with one digit or character changed so the checksum fails.
    static let mutated: [(PersonalDataKind, String)] = [
        (.iban, "RS35 2600 0560 1001 6113 78"),
        (.iban, "ME25505000012345678952"),
        (.iban, "TR33 0006 1005 1978 6457 8413 27"),
        (.iban, "RS35 2600 0560 1001 6113"),          // wrong length for RS
        (.paymentCard, "4111 1111 1111 1112"),
        (.paymentCard, "5555-5555-5555-4445"),
        (.paymentCard, "1111 1111 1111 1117"),        // Luhn-valid, no issuer starts with 1
        (.nationalID, "0101990710009"),
        (.nationalID, "0705057100030"),               // checksum remainder 1 → K = 10, never issued
        (.nationalID, "3102990710004"),               // 31 February
        (.nationalID, "10000000147"),
        (.nationalID, "10000000156"),                 // TCKN tenth digit wrong
        (.nationalID, "1203975500031"),               // remainder 0 requires K = 0
        (.nationalID, "0101990650005"),               // checksum fine, region 65 never assigned
        (.nationalID, "02345678950"),                 // TCKN cannot start with 0
        (.nationalID, "J00132999W"),                  // day 32
        (.nationalID, "1234567890"),                  // Kosovo-shaped but no cue
        (.cryptoWallet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"),
        (.cryptoWallet, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz"),
        (.cryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"),
        (.cryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"), // v0 program with a Bech32m checksum
        (.cryptoWallet, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7KV8F3T4"), // mixed case
        (.cryptoWallet, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), // EIP-55 case flipped
        (.cryptoWallet, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"),
        (.cryptoWallet, "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3B"),
        (.ipv4, "256.1.1.1"),
        (.ipv4, "192.168.01.1"),
        (.ipv6, "2001:db8::1::2"),
        (.ipv6, "2001:db8:0:0:0:0:0:0:1"),
        (.email, "user@example.invalidtld"),
        (.email, "user..name@"),
    ]

    @Test("A value with a broken checksum or structure is not reported as its kind", arguments: mutated)
    func mutatedNotFound(kind: PersonalDataKind, value: String) {
        let spans = PersonalDataScanner().scan("Value: \(value) end")
        #expect(!spans.contains { $0.kind == kind }, "spans: \(spans)")
    }

    static let distractors: [String] = [
        "md5 d41d8cd98f00b204e9800998ecf8427e",
        "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "at 2024-03-15T10:30:00Z",
        "at 2024-03-15 10:30:45.123+01:00",
        "on 15.03.2024. at 10:30",
        "on 05.06.2023 10 officers",
        "on 15/03/2024",
        "version 1.2.3",
        "version v2.10.4.1",
        "build 1.2.3.4.5",
        "version 2.10.4.1, firmware 10.2.0.1",
        "Verzija: 3.1.0.12",
        "oid 1.3.6.1.4.1.311",
        "CVE-2024-12345",
        "AS12345",
        "port 8080/tcp and 443",
        "ticket INC-2024-000123",
        "ticket #123456",
        "case #0641234567",
        "report.pdf",
        "invoice.exe",
        "invoice.zip",
        "script.py",
        "Node.js",
        "e.g. this",
        "end of sentence.It was",
        "unix time 1700000000000",
        "mac 00:1a:2b:3c:4d:5e",
        "std::vector<int>",
        "time 12:30:45",
        "amount 1234567890123 dinars",
        "the Big Bad Wolf Ran Home",
        "Microsoft Windows Server",
        "Dear Customer Service Team",
        "release 0.1.2 today",
        "010.010.010.010",
        "ratio 0.5 and 0.25",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        "serial 0000 0000 0000 0000",
        "the year 2024 and 2025",
    ]

    @Test("Hashes, timestamps, versions, CVEs, ASNs, ports, tickets and file names are not flagged", arguments: distractors)
    func distractorNotFlagged(_ text: String) {
        let spans = PersonalDataScanner().scan(text)
        #expect(spans.isEmpty, "spans: \(spans.map { ($0.kind, covered(text, $0)) })")
    }
}
