import Crypto
import Foundation
import LiaisonCore

/// Parses `POST /v1/intake/events` bodies in Liaison's event schema
/// (`schemas/event.schema.json`) or as IntelMQ events: NDJSON, one event a line, or a JSON
/// array of events, or one event. JSON is read by ``StrictJSONParser``; a body that is not
/// strict JSON is refused with every offending line's ``JSONSyntaxError``.
///
/// Every event is checked and its problems reported (the first ``IntakeLimits/maxErrorsListed``
/// of them, and how many in all), by JSON Pointer with the event's 0-based position as the
/// first segment (for NDJSON: its position among the non-blank lines). One bad event fails the
/// whole batch, since one request is one transaction.
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

    /// Each event is read as soon as its JSON is parsed and its document dropped then, and
    /// once one event is bad no further draft is kept: a refused body costs little more memory
    /// than the body itself, and its answer lists at most ``IntakeLimits/maxErrorsListed``
    /// problems.
    public func parse(_ body: [UInt8], format: Format, schema: Schema = .auto) throws(IntakeError) -> [IncidentDraft] {
        var batch = Batch(parser: self, schema: schema)
        switch format {
        case .ndjson: try readLines(body, into: &batch)
        case .jsonArray: try readArray(body, into: &batch)
        }
        guard batch.count > 0 else { throw .empty }
        guard batch.problems.isEmpty else { throw .invalidEvents(batch.problems, events: batch.badEvents) }
        return batch.drafts
    }

    /// The events of one body as they are read: drafts while every event is good, else problems.
    private struct Batch {
        let parser: EventBatchParser
        let schema: Schema
        var drafts: [IncidentDraft] = []
        var problems: ProblemList<FieldProblem>
        var badEvents = 0
        var count = 0

        init(parser: EventBatchParser, schema: Schema) {
            self.parser = parser
            self.schema = schema
            problems = ProblemList(limit: parser.limits.maxErrorsListed)
        }

        mutating func read(_ document: JSONValue) throws(IntakeError) {
            guard count < parser.limits.maxEventsPerRequest else { throw .tooManyEvents(limit: parser.limits.maxEventsPerRequest) }
            let pointer = "/\(count)"
            count += 1
            let (draft, found): (IncidentDraft?, [FieldProblem])
            if schema == .intelmq || (schema == .auto && IntelMQEventReader.looksLikeIntelMQ(document)) {
                var reader = IntelMQEventReader(pointer: pointer, limits: parser.limits, defaultTLP: parser.defaultTLP)
                (draft, found) = (reader.draft(from: document), reader.problems)
            } else {
                var reader = EventReader(pointer: pointer, limits: parser.limits, defaultTLP: parser.defaultTLP)
                (draft, found) = (reader.draft(from: document), reader.problems)
            }
            if let draft, found.isEmpty {
                if problems.isEmpty { drafts.append(draft) }
            } else {
                badEvents += 1
                problems.append(contentsOf: found)
                drafts = []
            }
        }
    }

    /// One document a non-blank line; a line that is not JSON is reported with the line's
    /// pointer (its position among the non-blank lines) and its byte offset in the body.
    private func readLines(_ body: [UInt8], into batch: inout Batch) throws(IntakeError) {
        var errors = ProblemList<JSONSyntaxError>(limit: limits.maxErrorsListed)
        let parser = json
        var lineStart = 0
        var position = 0
        while lineStart < body.count {
            let lineEnd = body[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? body.count
            let line = body[lineStart..<lineEnd]
            defer { lineStart = lineEnd + 1 }
            guard line.contains(where: { !$0.isASCIISpace }) else { continue }
            guard position < limits.maxEventsPerRequest else { throw .tooManyEvents(limit: limits.maxEventsPerRequest) }
            defer { position += 1 }
            let document: JSONValue
            do {
                document = try parser.parse(line)
            } catch {
                errors.append(error.relocated(by: lineStart, under: "/\(position)"))
                continue
            }
            if errors.isEmpty { try batch.read(document) }
        }
        guard errors.isEmpty else { throw .invalidJSON(errors) }
    }

    /// A JSON array of events, or one event. Each element is released once read.
    private func readArray(_ body: [UInt8], into batch: inout Batch) throws(IntakeError) {
        let value: JSONValue
        do {
            value = try json.parse(body)
        } catch {
            throw .invalidJSON(ProblemList([error]))
        }
        switch value {
        case .array(var events):
            for index in events.indices {
                try batch.read(events[index])
                events[index] = .null
            }
        case .object:
            try batch.read(value)
        default:
            throw .invalidEvents(ProblemList([FieldProblem(pointer: "", reason: "must be an event or an array of events")]), events: 1)
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
    /// The most problems a refusal lists (`intake.max_errors`); it counts the rest.
    public var maxErrorsListed: Int

    public init(
        maxEventsPerRequest: Int = 100_000, maxStringLength: Int = 1 << 20, maxObservablesPerEvent: Int = 10_000,
        maxJSONDepth: Int = 64, maxErrorsListed: Int = 100
    ) {
        self.maxEventsPerRequest = maxEventsPerRequest
        self.maxStringLength = maxStringLength
        self.maxObservablesPerEvent = maxObservablesPerEvent
        self.maxJSONDepth = maxJSONDepth
        self.maxErrorsListed = maxErrorsListed
    }
}
