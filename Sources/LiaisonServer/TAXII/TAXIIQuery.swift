import Foundation
import Hummingbird
import LiaisonCore

/// The filters and paging of a TAXII 2.1 read (sections 3.4 and 3.5): `limit`, `next`,
/// `added_after`, `match[id]`, `match[type]`, `match[version]` and `match[spec_version]`,
/// each a comma-separated list where the spec allows one. A parameter given twice, or a value
/// that is not what the spec says, is a 400. `purpose` is Liaison's (``ReadPurpose``); other
/// parameters are ignored, as section 3.5 asks of filters a server does not support.
struct TAXIIQuery: Sendable {
    /// Objects per page: 1–1000, default 100.
    var limit = 100
    /// The sealed position a previous page handed out as `next`.
    var next: String?
    /// Only disclosures added strictly after this RFC 3339 timestamp (at most microseconds).
    var addedAfter: String?
    var ids: Set<String>?
    var types: Set<String>?
    var versions: Versions
    var specVersions: Set<String>?
    /// `purpose`, as a TAXII client that cannot add header fields states it.
    var purpose: String?

    /// `match[version]` (section 3.5.1): any of `first`, `last`, `all` and exact versions.
    /// `first` and `last` are decided per incident: the objects of the first or newest
    /// version of an incident disclosed under the agreement.
    struct Versions: Sendable, Hashable {
        var all = false
        var first = false
        var last = false
        /// Normalised timestamps (``TAXIIQuery/normalised(_:)``).
        var exact: Set<String> = []

        static let last = Versions(last: true)
        static let all = Versions(all: true)
    }

    static let maxLimit = 1000

    /// Reads the query of `request`; `versions` is the default of the endpoint.
    init(_ request: Request, defaultVersions: Versions) throws {
        versions = defaultVersions
        var seen: Set<String> = []
        for (name, value) in Self.parameters(of: request) {
            guard seen.insert(name).inserted else {
                throw Self.invalid(name, "\(name) may be given once; list several values with commas.")
            }
            switch name {
            case "limit":
                guard let number = Int(value), (1...Self.maxLimit).contains(number) else {
                    throw Self.invalid(name, "limit must be a whole number from 1 to \(Self.maxLimit).")
                }
                limit = number
            case "next":
                guard !value.isEmpty else { throw Self.invalid(name, "next must be a value from a previous page's next.") }
                next = value
            case "added_after":
                guard let timestamp = Self.timestamp(value) else {
                    throw Self.invalid(name, "added_after must be an RFC 3339 timestamp in UTC, such as 2026-12-03T18:41:57.123456Z.")
                }
                addedAfter = timestamp
            case "match[id]":
                ids = try Self.list(value, name) { $0.contains("--") }
            case "match[type]":
                // STIX 2.1 section 3.1: lower-case ASCII letters, digits and hyphens.
                types = try Self.list(value, name) { type in
                    type.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                }
            case "match[spec_version]":
                specVersions = try Self.list(value, name) { $0.first?.isNumber == true && $0.allSatisfy { $0.isNumber || $0 == "." } }
            case "match[version]":
                var chosen = Versions()
                for item in try Self.list(value, name, { _ in true }) {
                    switch item {
                    case "all": chosen.all = true
                    case "first": chosen.first = true
                    case "last": chosen.last = true
                    default:
                        guard Self.timestamp(item) != nil, let normal = Self.normalised(item) else {
                            throw Self.invalid(name, "match[version] holds first, last, all or RFC 3339 timestamps in UTC.")
                        }
                        chosen.exact.insert(normal)
                    }
                }
                versions = chosen
            case "purpose":
                purpose = value
            case let other where other.hasPrefix("match["):
                throw Self.invalid(other, "The match filters are id, type, version and spec_version.")
            default:
                continue
            }
        }
    }

    /// The query's parameters with names and values percent-decoded (`+` is a space, as HTML
    /// forms and Python's requests write it). Hummingbird leaves names encoded, and TAXII
    /// clients encode the brackets of `match[…]`.
    static func parameters(of request: Request) -> [(String, String)] {
        guard let query = request.uri.query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// `value`'s comma-separated items, each passing `valid`.
    private static func list(_ value: String, _ name: String, _ valid: (String) -> Bool) throws -> Set<String> {
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        guard !items.isEmpty, items.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 256 && valid($0) }), items.count <= 100 else {
            throw invalid(name, "\(name) must be a comma-separated list of at most 100 valid values.")
        }
        return Set(items)
    }

    /// `text` if it is a TAXII timestamp (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, a real date and
    /// time), cut to microseconds — for "strictly after", cutting is exact where rounding is
    /// not — else nil.
    static func timestamp(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[10] == UInt8(ascii: "T") else { return nil }
        let seconds = bytes[0..<19]
        guard RFC3339.date(from: String(decoding: seconds, as: UTF8.self) + "Z") != nil else { return nil }
        let fraction = bytes[19..<(bytes.count - 1)]
        if fraction.isEmpty { return String(decoding: seconds, as: UTF8.self) + "Z" }
        guard fraction.first == UInt8(ascii: "."), fraction.count >= 2, fraction.count <= 10,
            fraction.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return String(decoding: seconds, as: UTF8.self) + String(decoding: fraction.prefix(7), as: UTF8.self) + "Z"
    }

    /// A timestamp written one way for comparing versions: the fraction's trailing zeros
    /// dropped (`…00.100Z` and `…00.1Z` are one version); nil if `text` is no timestamp.
    static func normalised(_ text: String) -> String? {
        guard text.hasSuffix("Z"), text.utf8.count >= 20 else { return nil }
        var body = String(text.dropLast())
        if body.contains(".") {
            while body.hasSuffix("0") { body.removeLast() }
            if body.hasSuffix(".") { body.removeLast() }
        }
        return body + "Z"
    }

    static func invalid(_ parameter: String, _ detail: String) -> Problem {
        Problem.badRequest("invalid-parameter", detail, pointer: parameter)
    }
}
