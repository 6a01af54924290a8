import Crypto
import Foundation
import LiaisonCore

/// Reads one IntelMQ event (IntelMQ's harmonised data format, as its output bots write it:
/// flat, dotted keys such as `source.ip`, or nested with `hierarchical_output`) into a draft.
/// `schemas/intelmq-mapping.md` lists the mapping field by field.
///
/// `source.*` values are the offender's, `destination.*` the victim's; IPs, domains, URLs,
/// ASNs, accounts, abuse contacts and hashes become observables; ports, protocol, feed,
/// geolocation and the like stay as verbatim custody fields; `extra.*` and fields this
/// reader does not know are kept as free-text custody fields, scanned for personal data
/// like a description. `raw` is never kept: only the SHA-256 of its decoded bytes is.
/// Problems are collected with their JSON Pointers; a dotted key is one pointer segment.
public struct IntelMQEventReader {
    public let pointer: String
    public let limits: IntakeLimits
    public let defaultTLP: TLP
    public private(set) var problems: [FieldProblem] = []
    var observables: [Observable] = []
    var custody: [CustodyField] = []
    /// Where the fields of a nested (`hierarchical_output`) event stand; a flat field's
    /// pointer is its key, so it is made only when a problem is reported.
    var nestedPointers: [String: String] = [:]

    /// Keys of Liaison's own event schema that IntelMQ never writes (`tlp` and
    /// `classification`, which both use, do not count).
    static let liaisonOnlyKeys: Set<String> = ["id", "title", "description", "first_seen", "last_seen", "observables"]
    static let sections = ["classification", "source", "destination", "feed", "time"]

    public init(pointer: String = "", limits: IntakeLimits = IntakeLimits(), defaultTLP: TLP = .amber) {
        self.pointer = pointer
        self.limits = limits
        self.defaultTLP = defaultTLP
    }

    /// Whether `value` is an IntelMQ event rather than a Liaison one: an object with an
    /// IntelMQ field (`classification.*`, `source.*`, `destination.*`, `feed.*`, `time.*`,
    /// dotted or nested) and no key only Liaison's schema has.
    public static func looksLikeIntelMQ(_ value: JSONValue) -> Bool {
        guard case .object(let event) = value, !event.keys.contains(where: liaisonOnlyKeys.contains) else { return false }
        return event.contains { key, value in
            if let dot = key.firstIndex(of: ".") { return sections.contains(String(key[..<dot])) }
            if case .object = value { return sections.contains(key) && key != "classification" }
            return false
        }
    }

    public mutating func draft(from value: JSONValue) -> IncidentDraft? {
        guard case .object = value else {
            fail("", "must be an object")
            return nil
        }
        var fields: [(key: String, value: JSONValue)] = []
        if case .object(let members) = value { fields.reserveCapacity(members.count) }
        flatten(value, key: nil, at: "", into: &fields)
        // A custody field for most fields, and a few of the reader's own.
        custody.reserveCapacity(fields.count + 4)
        if fields.isEmpty, problems.isEmpty { fail("", "has no IntelMQ fields") }
        // A flat event's fields come out in key order already; nested ones interleave.
        if !nestedPointers.isEmpty { fields.sort { $0.key < $1.key } }
        var taxonomy: String?
        var type: String?
        var tlp: TLP?
        var firstSeen: Date?
        var description = ""
        var feedName: String?
        for (key, value) in fields {
            let at = key
            if value == .null { continue }
            switch key {
            case "classification.taxonomy": taxonomy = string(value, at: at)
            case "classification.type": type = string(value, at: at)
            case "time.source": firstSeen = time(value, at: at)
            case "event_description.text": description = string(value, at: at) ?? ""
            case "raw": rawDigest(value, at: at)
            case "tlp": tlp = self.tlp(value, at: at)
            case "__type":
                if string(value, at: at).map({ $0 != "Event" }) ?? false { fail(at, "must be Event") }
            case "feed.name":
                feedName = string(value, at: at)
                feedName.map { keep(key, .verbatim($0)) }
            case "time.observation":
                if time(value, at: at) != nil, let text = string(value, at: at) { keep(key, .verbatim(text)) }
            case "malware.hash.md5": hash(value, kind: .hashMD5, digits: 32, at: at)
            case "malware.hash.sha1": hash(value, kind: .hashSHA1, digits: 40, at: at)
            case "malware.hash.sha256": hash(value, kind: .hashSHA256, digits: 64, at: at)
            default: other(key, value, at: at)
            }
        }
        let (classification, found) = IntelMQClassification.classification(taxonomy: taxonomy, type: type)
        if !found, taxonomy != nil || type != nil {
            custody.append(CustodyField(name: "intelmq.classification.unmapped", content: .verbatim("true")))
        }
        for (name, text) in [("taxonomy", taxonomy), ("type", type)] {
            if let text { keep("classification." + name, .verbatim(text)) }
        }
        guard problems.isEmpty else { return nil }
        let title = "\(classification.taxonomy)/\(classification.type) reported by IntelMQ" + (feedName.map { " feed \($0)" } ?? "")
        return IncidentDraft(
            naturalKey: "intelmq-sha256:" + Self.digest(of: value, fields: fields, flat: nestedPointers.isEmpty), classification: classification,
            tlp: tlp ?? defaultTLP, title: title, description: description, firstSeen: firstSeen, lastSeen: firstSeen,
            observables: observables, custody: custody.sorted { $0.name < $1.name })
    }

    /// ``EventReader/digest(of:)``, the same bytes: a flat event's fields are its members,
    /// sorted already, so its canonical form is written from them without sorting the names
    /// again (unless a name outside ASCII sorts otherwise in RFC 8785's order). A nested event,
    /// or one with an empty object (which leaves no field), is written from its value.
    static func digest(of value: JSONValue, fields: [(key: String, value: JSONValue)], flat: Bool) -> String {
        guard flat, case .object(let members) = value, members.count == fields.count,
            let bytes = JSONValue.canonicalBytes(ofOrderedMembers: fields)
        else { return EventReader.digest(of: value) }
        return SHA256.hash(data: bytes).withUnsafeBytes(\.hexString)
    }

    /// Nested objects (`hierarchical_output`) become dotted keys, members in key order. `at`
    /// is the pointer of a nested value; a top-level scalar's is left empty (its key gives
    /// it, when needed).
    private mutating func flatten(
        _ value: JSONValue, key: String?, at: String, into fields: inout [(key: String, value: JSONValue)]
    ) {
        if case .object(let members) = value {
            for (member, child) in members.sorted(by: { $0.key < $1.key }) {
                let name = key.map { $0 + "." + member } ?? member
                var nested = key != nil
                if case .object = child { nested = true }
                flatten(child, key: name, at: nested ? at + "/" + JSONPointer.escape(member) : "", into: &fields)
            }
            return
        }
        guard let key else { return }
        // The same dotted key twice needs a nested occurrence, and that comes first: a
        // member's name sorts before any longer dotted key it begins.
        let twice = !nestedPointers.isEmpty && nestedPointers[key] != nil
        let problem: String? =
            if !key.utf8.contains(UInt8(ascii: ".")) && Self.liaisonOnlyKeys.contains(key) {
                "is a property of Liaison's event schema, not an IntelMQ field"
            } else if !key.hasPrefix("extra."), key != "__type", !Self.isFieldName(key) {
                "is not an IntelMQ field name (lower-case letters, digits and '_', in dotted parts)"
            } else if twice {
                "is given twice, dotted and nested"
            } else {
                nil
            }
        if let problem { return fail(pointer: at.isEmpty ? "/" + JSONPointer.escape(key) : at, problem) }
        fields.append((key, value))
        if !at.isEmpty { nestedPointers[key] = at }
    }

    /// IntelMQ's rule for keys: `^[a-z_](.[a-z0-9_]+)*$`.
    static func isFieldName(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        var previous = UInt8(ascii: ".")
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                if previous == UInt8(ascii: ".") { return false }  // an empty part
            case UInt8(ascii: "_"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            default:
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: ".")
    }

    /// A problem at a field, named by its dotted key ("" for the event as a whole).
    mutating func fail(_ key: String, _ reason: String) {
        fail(pointer: key.isEmpty ? "" : nestedPointers[key] ?? "/" + JSONPointer.escape(key), reason)
    }

    /// A problem at a JSON Pointer within the event.
    mutating func fail(pointer place: String, _ reason: String) {
        problems.append(FieldProblem(pointer: pointer + place, reason: reason))
    }

    /// A custody field named after the IntelMQ key.
    mutating func keep(_ key: String, _ content: CustodyField.Content) {
        custody.append(CustodyField(name: "intelmq." + key, content: content))
    }
}
