import Crypto
import Foundation
import LiaisonCore

/// Parses `POST /v1/intake/events` bodies in Liaison's event schema
/// (`schemas/event.schema.json`) or as IntelMQ events: NDJSON, one event a line, or a JSON
/// array of events, or one event. JSON is read by ``StrictJSONParser``; a body that is not
/// strict JSON is refused with every offending line's ``JSONSyntaxError``.
///
/// Every event is checked and every problem reported, by JSON Pointer with the event's
/// 0-based position as the first segment (for NDJSON: its position among the non-blank
/// lines). One bad event fails the whole batch, since one request is one transaction.
public struct EventBatchParser: Sendable {
    public enum Format: Sendable { case ndjson, jsonArray }

    /// Which event schema a body's events follow: Liaison's own, IntelMQ's harmonised
    /// flat events (``IntelMQEventReader``), or decided per event (`auto`, the default).
    public enum Schema: String, Sendable, CaseIterable {
        case auto, liaison, intelmq
    }

    public var limits: IntakeLimits
    /// The label an event without `tlp` gets: the producer's configured default.
    public var defaultTLP: TLP

    public init(limits: IntakeLimits = IntakeLimits(), defaultTLP: TLP = .amber) {
        self.limits = limits
        self.defaultTLP = defaultTLP
    }

    /// The JSON parser every intake body goes through, bounded by these limits.
    public var json: StrictJSONParser {
        StrictJSONParser(limits: JSONLimits(maxDepth: limits.maxJSONDepth, maxStringBytes: limits.maxStringLength))
    }

    public func parse(_ body: [UInt8], format: Format, schema: Schema = .auto) throws(IntakeError) -> [IncidentDraft] {
        let documents: [JSONValue]
        switch format {
        case .ndjson: documents = try ndjsonDocuments(body)
        case .jsonArray: documents = try arrayDocuments(body)
        }
        guard !documents.isEmpty else { throw .empty }
        guard documents.count <= limits.maxEventsPerRequest else {
            throw .tooManyEvents(limit: limits.maxEventsPerRequest)
        }
        var drafts: [IncidentDraft] = []
        drafts.reserveCapacity(documents.count)
        var problems: [FieldProblem] = []
        for (index, document) in documents.enumerated() {
            let pointer = "/\(index)"
            let (draft, found): (IncidentDraft?, [FieldProblem])
            if schema == .intelmq || (schema == .auto && IntelMQEventReader.looksLikeIntelMQ(document)) {
                var reader = IntelMQEventReader(pointer: pointer, limits: limits, defaultTLP: defaultTLP)
                (draft, found) = (reader.draft(from: document), reader.problems)
            } else {
                var reader = EventReader(pointer: pointer, limits: limits, defaultTLP: defaultTLP)
                (draft, found) = (reader.draft(from: document), reader.problems)
            }
            if let draft, found.isEmpty { drafts.append(draft) } else { problems += found }
        }
        guard problems.isEmpty else { throw .invalidEvents(problems) }
        return drafts
    }

    /// One document a non-blank line; a line that is not JSON is reported with the line's
    /// pointer (its position among the non-blank lines) and its byte offset in the body.
    private func ndjsonDocuments(_ body: [UInt8]) throws(IntakeError) -> [JSONValue] {
        var documents: [JSONValue] = []
        var errors: [JSONSyntaxError] = []
        let parser = json
        var lineStart = 0
        var position = 0
        while lineStart < body.count {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.count
            let line = body[lineStart..<lineEnd]
            defer { lineStart = lineEnd + 1 }
            guard line.contains(where: { !$0.isASCIISpace }) else { continue }
            guard position < limits.maxEventsPerRequest else { throw .tooManyEvents(limit: limits.maxEventsPerRequest) }
            do {
                documents.append(try parser.parse(line))
            } catch {
                errors.append(error.relocated(by: lineStart, under: "/\(position)"))
            }
            position += 1
        }
        guard errors.isEmpty else { throw .invalidJSON(errors) }
        return documents
    }

    private func arrayDocuments(_ body: [UInt8]) throws(IntakeError) -> [JSONValue] {
        let value: JSONValue
        do {
            value = try json.parse(body)
        } catch {
            throw .invalidJSON([error])
        }
        switch value {
        case .array(let events): return events
        case .object: return [value]
        default:
            throw .invalidEvents([FieldProblem(pointer: "", reason: "must be an event or an array of events")])
        }
    }

}

/// Bounds on what one intake request may hold.
public struct IntakeLimits: Sendable, Hashable {
    public var maxEventsPerRequest: Int
    /// The most UTF-8 bytes in one JSON string, key or value, once decoded.
    public var maxStringLength: Int
    public var maxObservablesPerEvent: Int
    /// The most arrays and objects open at once in one JSON document.
    public var maxJSONDepth: Int

    public init(
        maxEventsPerRequest: Int = 100_000, maxStringLength: Int = 1 << 20, maxObservablesPerEvent: Int = 10_000,
        maxJSONDepth: Int = 64
    ) {
        self.maxEventsPerRequest = maxEventsPerRequest
        self.maxStringLength = maxStringLength
        self.maxObservablesPerEvent = maxObservablesPerEvent
        self.maxJSONDepth = maxJSONDepth
    }
}
