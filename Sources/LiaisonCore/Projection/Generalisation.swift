import Foundation

/// The /48 network of an IPv6 address, written `a:b:c::/48`.
enum IPv6Prefix {
    static func slash48(_ address: String) -> String? {
        let parts = address.split(separator: "::", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let head = parts[0].isEmpty ? [] : parts[0].split(separator: ":").map(String.init)
        let tail = parts.count > 1 && !parts[1].isEmpty ? parts[1].split(separator: ":").map(String.init) : []
        guard head.count + tail.count <= 8, parts.count == 2 || head.count == 8 else { return nil }
        let groups = head + Array(repeating: "0", count: 8 - head.count - tail.count) + tail
        let prefix = groups.prefix(3).map { String(UInt16($0, radix: 16) ?? 0, radix: 16) }
        return prefix.joined(separator: ":") + "::/48"
    }
}

/// The chain a wallet address belongs to, from its form: Bitcoin (1…, 3…, bc1…), Litecoin
/// (L…, M…, ltc1…), Ethereum (0x…), TRON (T…), Monero (4…/8…, 95 characters).
enum WalletChain {
    static func name(of address: String) -> String {
        let lower = address.lowercased()
        if lower.hasPrefix("bc1") || address.hasPrefix("1") || address.hasPrefix("3") { return "bitcoin" }
        if lower.hasPrefix("ltc1") || address.hasPrefix("L") || address.hasPrefix("M") { return "litecoin" }
        if lower.hasPrefix("0x") { return "ethereum" }
        if address.hasPrefix("T") { return "tron" }
        if (address.hasPrefix("4") || address.hasPrefix("8")) && address.count >= 95 { return "monero" }
        return "wallet"
    }
}

/// A URL's host, for generalising a URL to where it points.
enum URLHost {
    static func of(_ url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }
}
