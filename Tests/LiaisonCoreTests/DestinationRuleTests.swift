import LiaisonCore
import Testing

@Suite struct DestinationRuleTests {
    @Test(
        "Refuses every kind of non-public address, IPv4-mapped and NAT64 forms included",
        arguments: [
            ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
            ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("192.168.1.1", "private"),
            ("fd12:3456::1", "private"), ("::ffff:10.0.0.1", "private"), ("64:ff9b::a00:1", "private"),
            ("169.254.169.254", "metadata"), ("fd00:ec2::254", "metadata"), ("169.254.1.1", "link-local"),
            ("fe80::1", "link-local"), ("100.64.0.1", "cgnat"), ("100.127.255.254", "cgnat"), ("224.0.0.1", "multicast"),
            ("ff02::1", "multicast"), ("0.0.0.0", "reserved"), ("::", "reserved"), ("240.0.0.1", "reserved"),
            ("255.255.255.255", "reserved"), ("2001:db8::1", "reserved"), ("2002:a00:1::1", "reserved"),
            ("198.18.0.1", "reserved"), ("::127.0.0.1", "reserved"),
        ])
    func refused(address: String, reason: String) throws {
        let parsed = try #require(IPAddress(address))
        #expect(DestinationRule.classify(parsed)?.rawValue == reason)
        #expect(DestinationRule().refusal(for: [parsed])?.reason.rawValue == reason)
    }

    @Test(
        "Public addresses pass, at the edges of the refused ranges too",
        arguments: [
            "8.8.8.8", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "11.0.0.0", "169.253.255.255",
            "223.255.255.255", "2a00:1450:4001::1", "::ffff:93.184.216.34", "64:ff9b::808:808", "[2606:4700::1111]",
        ])
    func allowed(address: String) throws {
        #expect(DestinationRule.classify(try #require(IPAddress(address))) == nil)
    }

    @Test("Allowed networks open exactly their range; one refused address refuses a name's whole answer")
    func allowedNetworks() throws {
        let rule = DestinationRule(allowed: [try #require(IPNetwork("127.0.0.0/8")), try #require(IPNetwork("fd00::/8"))])
        #expect(rule.refusal(for: [IPAddress("127.0.0.1")!, IPAddress("::ffff:127.9.9.9")!, IPAddress("fd01::5")!]) == nil)
        #expect(rule.refusal(for: [IPAddress("::1")!])?.reason == .loopback)
        let mixed = rule.refusal(for: [IPAddress("93.184.216.34")!, IPAddress("10.0.0.7")!])
        #expect(mixed?.address == IPAddress("10.0.0.7") && mixed?.reason == .private)
    }

    @Test(
        "Refuses malformed addresses and ranges, and a range with bits past its prefix",
        arguments: ["", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.4/33", "1.2.3.4/", "10.0.0.1/8", "::1/129",
            "fe80::1%eth0", "::/-1", "1::2::3", "example.org", "10.0.0.0/08x", "10.0.0.0/+8"])
    func malformed(text: String) {
        #expect(IPNetwork(text) == nil)
    }

    @Test("Ranges print as they are read, and contain the addresses they should")
    func ranges() throws {
        let network = try #require(IPNetwork("2001:db8:abcd::/48"))
        #expect(network.description == "2001:db8:abcd::/48")
        #expect(network.contains(IPAddress("2001:db8:abcd:ffff::1")!))
        #expect(!network.contains(IPAddress("2001:db8:abce::1")!))
        #expect(!network.contains(IPAddress("10.0.0.1")!))
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(IPAddress("203.0.113.9")!))
        #expect(IPAddress("192.0.2.1")?.description == "192.0.2.1")
    }
}
