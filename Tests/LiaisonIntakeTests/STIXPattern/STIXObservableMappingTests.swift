import Testing
@testable import LiaisonIntake

/// `STIXObservableMapping.kind(for:)` — object paths to Liaison observable kinds.
@Suite("Observable mapping")
struct ObservableMappingTests {
    static let pathCases: [(String, String?)] = [
        ("ipv4-addr:value", "ipv4"),
        ("ipv6-addr:value", "ipv6"),
        ("domain-name:value", "domain"),
        ("url:value", "url"),
        ("email-addr:value", "email"),
        ("email-message:from_ref.value", "email"),
        ("email-message:sender_ref.value", "email"),
        ("email-message:to_refs[*].value", "email"),
        ("email-message:to_refs[0].value", "email"),
        ("email-message:cc_refs[*].value", "email"),
        ("file:hashes.'MD5'", "hash-md5"),
        ("file:hashes.MD5", "hash-md5"),
        ("file:hashes.'SHA-1'", "hash-sha1"),
        ("file:hashes.'SHA-256'", "hash-sha256"),
        ("file:hashes.'sha256'", "hash-sha256"),
        ("file:hashes.'SHA-512'", "hash-sha512"),
        ("file:hashes.'SSDEEP'", nil),
        ("file:name", "file-name"),
        ("autonomous-system:number", "asn"),
        ("mac-addr:value", "mac"),
        ("network-traffic:dst_port", "port"),
        ("network-traffic:src_port", "port"),
        ("network-traffic:dst_ref.value", nil),
        ("user-account:user_id", "user-account"),
        ("user-account:account_login", "user-account"),
        ("x509-certificate:hashes.'SHA-256'", "x509-fingerprint"),
        ("x509-certificate:hashes.'SHA-1'", "x509-fingerprint"),
        ("windows-registry-key:key", "registry-key"),
        ("process:name", "process"),
        ("x-crypto-wallet:value", "crypto-wallet"),
        ("cryptocurrency-wallet:address", "crypto-wallet"),
        ("file:size", nil),
        ("file:parent_directory_ref.path", nil),
        ("ipv4-addr:resolves_to_refs[*].value", nil),
        ("email-message:subject", nil),
        ("network-traffic:dst_ref.type", nil),
        ("x509-certificate:hashes", nil),
        ("process:name.x", nil),
    ]

    @Test("object path maps to its observable kind", arguments: pathCases)
    func kinds(text: String, expected: String?) throws {
        #expect(STIXObservableMapping.kind(for: try parsePath(text)) == expected)
    }

    static let refCases: [(String, String?)] = [
        ("198.51.100.1", "ipv4"),
        ("203.0.113.33/32", "ipv4"),
        ("2001:db8::1", "ipv6"),
        ("2001:db8::/32", "ipv6"),
        ("::ffff:198.51.100.1", "ipv6"),
        ("2001:0db8:0000:0000:0000:ff00:0042:8329", "ipv6"),
        ("00:1a:2b:3c:4d:5e", "mac"),
        ("example.com", "domain"),
        ("256.1.1.1", nil),
        ("1.2.3", nil),
        ("01.2.3.4", nil),
        ("1.2.3.4/33", nil),
        ("2001:db8:::1", nil),
        ("1:2:3:4:5:6:7:8:9", nil),
        ("not an address", nil),
    ]

    @Test("network-traffic ref values are classified by value shape", arguments: refCases)
    func refValues(value: String, expected: String?) throws {
        for ref in ["src_ref", "dst_ref"] {
            let p = try parsePath("network-traffic:\(ref).value")
            #expect(STIXObservableMapping.kind(for: p, value: value) == expected)
            #expect(STIXObservableMapping.kind(for: PatternEquality(path: p, value: value)) == expected)
        }
    }

    @Test("extracted equalities of a spec example map to observables")
    func endToEnd() throws {
        let pattern = "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32'] AND [file:hashes.'SHA-256' = 'aa' OR file:name = 'foo.dll']"
        let kinds = try STIXPatternParser.parse(pattern).equalities.map { STIXObservableMapping.kind(for: $0) }
        #expect(kinds == [nil, "ipv4", "hash-sha256", "file-name"])
    }
}
