import Testing
@testable import LiaisonIntake

/// Example patterns from STIX 2.1 §9 (reconstructed from the specification's examples).
@Suite("STIX 2.1 specification examples")
struct SpecExampleTests {
    static let examples: [String] = [
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        "[email-message:from_ref.value MATCHES '.+@example\\\\.com$'] AND [file:name = 'foo.dll']",
        "([ipv4-addr:value = '198.51.100.1/32'] OR [ipv4-addr:value = '203.0.113.33/32']) WITHIN 300 SECONDS",
        "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
        "[file:size > 1024 AND NOT file:name LIKE 'x%'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
        "[ipv4-addr:value IN ('198.51.100.1', '203.0.113.9')]",
        "[email-message:from_ref.value MATCHES '.+\\\\@example\\\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\\\.exe$']",
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:mime_type = 'application/x-pdf']",
        "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        "[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\foo\\\\bar'] WITHIN 5 SECONDS",
        "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']",
        "[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\\\xd4\\\\xc3\\\\xb2\\\\xa1\\\\x02\\\\x00\\\\x04\\\\x00']",
        "[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']",
        "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
        "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
        "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\CryptoLocker\\\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\CurrentVersion\\\\Run\\\\CryptoLocker_0388']",
        "[(file:name = 'pdf.exe' OR file:size = 371712) AND file:created = t'2014-01-13T07:03:17Z']",
        "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
        "[x-usb-device:usbdrive.serial_number = '575833344E30313937333538']",
        "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
        "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
        "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
        "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
        "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
        "[ipv4-addr:value ISSUPERSET '198.51.100.1']",
        "[network-traffic:extensions.'http-request-ext'.request_header.'Accept-Encoding' = 'gzip']",
        "[email-message:to_refs[*].value = 'victim@example.com']",
        "[file:name LIKE '%.exe' AND file:size <= 10000 AND file:size >= 100]",
        "[network-traffic:dst_port NOT IN (80, 443)]",
        "[network-traffic:dst_port != 22 AND network-traffic:protocols[0] = 'tcp']",
        "[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']",
        "[file:magic_number_hex = h'ffd8']",
        "[email-message:is_multipart = true AND email-message:content_type != 'text/plain']",
        "[file:created < t'2016-06-01T00:00:00.123Z']",
        "[EXISTS windows-registry-key:values]",
        "[windows-registry-key:values[*].name = 'Foo' AND windows-registry-key:values[1].data = 'x']",
        "[file:name NOT MATCHES '^[a-z]+\\\\.txt$']",
    ]

    @Test("every reconstructed spec example parses", arguments: examples)
    func parses(pattern: String) throws {
        _ = try STIXPatternParser.parse(pattern)
    }

    @Test("rendering a parsed example and re-parsing it yields the same tree", arguments: examples)
    func roundTrips(pattern: String) throws {
        let parsed = try STIXPatternParser.parse(pattern)
        #expect(try STIXPatternParser.parse(parsed.description) == parsed)
    }

    @Test("a SHA-256 hash pattern parses into one equality observation")
    func sha256() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[0])
        #expect(parsed == observe(compare(path("file", prop("hashes"), prop("SHA-256")), .equal,
                                       .string("aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"))))
    }

    @Test("MATCHES keeps the regex with one backslash after unescaping, and AND joins observations")
    func matchesAndObservations() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[1])
        #expect(parsed == .and([
            observe(compare(path("email-message", prop("from_ref"), prop("value")), .matches, .string(".+@example\\.com$"))),
            observe(compare(path("file", prop("name")), .equal, .string("foo.dll"))),
        ]))
    }

    @Test("WITHIN applies to the parenthesised OR group")
    func withinGroup() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[2])
        #expect(parsed == .qualified(.or([
            observe(compare(path("ipv4-addr", prop("value")), .equal, .string("198.51.100.1/32"))),
            observe(compare(path("ipv4-addr", prop("value")), .equal, .string("203.0.113.33/32"))),
        ]), .within(seconds: 300)))
    }

    @Test("REPEATS then WITHIN stack on the same observation, innermost first")
    func stackedQualifiers() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[3])
        let inner = observe(.and([
            compare(path("network-traffic", prop("dst_ref"), prop("type")), .equal, .string("domain-name")),
            compare(path("network-traffic", prop("dst_ref"), prop("value")), .equal, .string("example.com")),
        ]))
        #expect(parsed == .qualified(.qualified(inner, .repeats(times: 5)), .within(seconds: 1800)))
    }

    @Test("prefix NOT negates the LIKE test and START/STOP keep both timestamps")
    func startStopAndPrefixNot() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[4])
        let inner = observe(.and([
            compare(path("file", prop("size")), .greater, .int(1024)),
            compare(path("file", prop("name")), .like, .string("x%"), negated: true),
        ]))
        #expect(parsed == .qualified(inner, .startStop(start: "2016-06-01T00:00:00Z", stop: "2016-07-01T00:00:00Z")))
    }

    @Test("IN takes a parenthesised set of literals")
    func inSet() throws {
        let parsed = try STIXPatternParser.parse(Self.examples[5])
        #expect(parsed == observe(compare(path("ipv4-addr", prop("value")), .in,
                                       .set([.string("198.51.100.1"), .string("203.0.113.9")]))))
    }

    @Test("postfix NOT (grammar form) and prefix NOT (extension) give the same tree")
    func notPositions() throws {
        let postfix = try STIXPatternParser.parse("[file:name NOT LIKE 'x%']")
        let prefix = try STIXPatternParser.parse("[NOT file:name LIKE 'x%']")
        #expect(postfix == prefix)
        #expect(try STIXPatternParser.parse("[NOT EXISTS file:name]") ==
                observe(compare(path("file", prop("name")), .exists, nil, negated: true)))
    }
}
