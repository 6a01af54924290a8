import Foundation
import Hummingbird

/// A media type a route takes or gives, with the `version` parameter STIX and TAXII use.
struct MediaType: Sendable, Hashable {
    var name: String
    /// The `version` parameter this route needs; nil when it takes any or none.
    var version: String?

    static let json = MediaType(name: "application/json")
    static let stix = MediaType(name: "application/stix+json", version: "2.1")
    static let taxii = MediaType(name: "application/taxii+json", version: "2.1")
    static let rfc822 = MediaType(name: "message/rfc822")
    static let ndjson = MediaType(name: "application/x-ndjson")

    var text: String { version.map { "\(name);version=\($0)" } ?? name }

    /// `type/subtype` and parameters of a header value, lower-cased (parameter values too,
    /// which is right for the ones we read: `version`, `charset`).
    static func parse(_ value: Substring) -> (name: String, parameters: [String: String]) {
        let pieces = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            parameters[String(pair[0])] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        return (pieces.first ?? "", parameters)
    }

    /// Whether a parsed type names this one: same name, and a `version`, if sent, that matches.
    func matches(_ name: String, _ parameters: [String: String]) -> Bool {
        guard name == self.name else { return false }
        guard let sent = parameters["version"], let version else { return true }
        return sent == version
    }

    /// The one of `accepted` that the request's Content-Type names; else a 415 problem.
    @discardableResult
    static func require(_ request: Request, oneOf accepted: [MediaType]) throws -> MediaType {
        let (name, parameters) = parse(Substring(request.headers[.contentType] ?? ""))
        guard let found = accepted.first(where: { $0.matches(name, parameters) }) else {
            throw Problem.unsupportedMediaType(accepted: accepted.map(\.text))
        }
        return found
    }

    /// Whether the request's `Accept` allows this type: no header, `*/*`, `application/*`,
    /// or this type (with no version or this version).
    func isAccepted(by request: Request) -> Bool {
        guard let header = request.headers[.accept] else { return true }
        return header.split(separator: ",").contains { range in
            let (name, parameters) = Self.parse(range)
            if parameters["q"] == "0" { return false }
            return name == "*/*" || name == "application/*" || matches(name, parameters)
        }
    }
}
