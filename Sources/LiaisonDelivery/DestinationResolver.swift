import Foundation
import LiaisonCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Resolves a webhook's host when it is sent to and checks every address against the
/// ``DestinationRule``. getaddrinfo blocks, so it runs on NIO's pool for blocking work.
///
/// What remains: async-http-client resolves the name again when it connects, so a name whose
/// answer changes between the two lookups (DNS rebinding with a zero TTL) could still reach a
/// refused address. An address written in the URL itself has no such gap.
public struct DestinationResolver: Sendable {
    public let rule: DestinationRule

    public init(rule: DestinationRule) {
        self.rule = rule
    }

    /// nil when the URL may be sent to; otherwise the reason recorded with the failed attempt:
    /// `destination-loopback`, `destination-private`, … or `destination-unresolved`.
    public func refusal(for url: String) async -> String? {
        guard let host = URL(string: url)?.host, !host.isEmpty else { return "destination-unresolved" }
        let addresses: [IPAddress]
        if let literal = IPAddress(host) {
            addresses = [literal]
        } else {
            guard let resolved = try? await NIOThreadPool.singleton.runIfActive({ Self.resolve(host) }), !resolved.isEmpty else {
                return "destination-unresolved"
            }
            addresses = resolved
        }
        return rule.refusal(for: addresses).map { "destination-\($0.reason.rawValue)" }
    }

    /// Every IPv4 and IPv6 address the system's resolver gives for `host`; empty on failure.
    static func resolve(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr {
                switch current.pointee.ai_family {
                case AF_INET:
                    socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                    }
                case AF_INET6:
                    socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin6_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                    }
                default: break
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }
}
