/// Which addresses the gateway may send to on a consumer's or producer's behalf. A webhook's
/// host is resolved when it is sent to, and every address it resolves to must be public: none
/// loopback, private, link-local (cloud metadata services live there), shared carrier-grade NAT,
/// multicast, or otherwise reserved — unless it lies in one of `allowed` (configured as
/// `delivery.allowed_networks`). A name that resolves to one public and one private address is
/// refused: the client could connect to either.
public struct DestinationRule: Sendable, Equatable {
    public var allowed: [IPNetwork]

    public init(allowed: [IPNetwork] = []) {
        self.allowed = allowed
    }

    /// Why an address is not a public destination; the words appear in a delivery's error.
    public enum Refusal: String, Sendable, Equatable {
        case loopback, `private`, linkLocal = "link-local", sharedNAT = "cgnat", multicast, reserved, metadata
    }

    /// The first address refused, with why; nil when every address may be sent to.
    public func refusal(for addresses: [IPAddress]) -> (address: IPAddress, reason: Refusal)? {
        for address in addresses {
            if allowed.contains(where: { $0.contains(address) }) { continue }
            if let reason = Self.classify(address) { return (address, reason) }
        }
        return nil
    }

    /// The class of a non-public address, nil for a public one.
    public static func classify(_ address: IPAddress) -> Refusal? {
        var address = address.mappedIPv4 ?? address
        // NAT64's well-known prefix (RFC 6052) reaches the IPv4 address in its last four bytes.
        if nat64.contains(address) { address = IPAddress(bytes: Array(address.bytes[12..<16]))! }
        for (network, reason) in address.isIPv4 ? ipv4Ranges : ipv6Ranges where network.contains(address) {
            return reason
        }
        return nil
    }

    // The special-purpose registries of IANA (RFC 6890 and its updates) and the metadata
    // addresses of the large clouds. Order matters only where ranges nest: the first match names
    // the reason.
    private static let ipv4Ranges = networks([
        ("169.254.169.254/32", .metadata), ("169.254.170.2/32", .metadata),
        ("0.0.0.0/8", .reserved), ("10.0.0.0/8", .private), ("100.64.0.0/10", .sharedNAT),
        ("127.0.0.0/8", .loopback), ("169.254.0.0/16", .linkLocal), ("172.16.0.0/12", .private),
        ("192.0.0.0/24", .reserved), ("192.0.2.0/24", .reserved), ("192.88.99.0/24", .reserved),
        ("192.168.0.0/16", .private), ("198.18.0.0/15", .reserved), ("198.51.100.0/24", .reserved),
        ("203.0.113.0/24", .reserved), ("224.0.0.0/4", .multicast), ("240.0.0.0/4", .reserved),
    ])

    private static let nat64 = IPNetwork("64:ff9b::/96")!

    private static let ipv6Ranges = networks([
        ("fd00:ec2::254/128", .metadata),
        ("::1/128", .loopback), ("::/96", .reserved), ("64:ff9b:1::/48", .private), ("100::/64", .reserved),
        ("2001::/23", .reserved), ("2001:db8::/32", .reserved), ("2002::/16", .reserved), ("fc00::/7", .private),
        ("fe80::/10", .linkLocal), ("fec0::/10", .reserved), ("ff00::/8", .multicast),
    ])

    private static func networks(_ table: [(String, Refusal)]) -> [(IPNetwork, Refusal)] {
        table.map { (IPNetwork($0.0)!, $0.1) }
    }
}
