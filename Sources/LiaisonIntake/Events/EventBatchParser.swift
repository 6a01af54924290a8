import Crypto
import Foundation
import LiaisonCore

/// Parses `POST /v1/intake/events` bodies in Liaison's event schema
/// (`schemas/event.schema.json`): NDJSON, one event a line, or a JSON array of events.
///
/// Every event is checked and every problem reported, by JSON Pointer with the event's
/// 0-based position as the first segment (for NDJSON: its position among the non-blank
/// lines). One bad event fails the whole batch, since one request is one transaction.
public struct EventBatchParser: Sendable {
    public enum Format: Sendable { case ndjson, jsonArray }

    public var limits: IntakeLimits
    /// The label an event without `tlp` gets: the producer's configured default.
    public var defaultTLP: TLP

    public init(limits: IntakeLimits = IntakeLimits(), defaultTLP: TLP = .amber) {
        self.limits = limits
        self.defaultTLP = defaultTLP
    }

    public func parse(_ body: [UInt8], format: Format) throws(IntakeError) -> [IncidentDraft] {
        let documents: [Result<JSONValue, FieldProblem>]
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
            switch document {
            case .failure(let problem):
                problems.append(problem)
            case .success(let value):
                var reader = EventReader(pointer: "/\(index)", limits: limits, defaultTLP: defaultTLP)
                if let draft = reader.draft(from: value), reader.problems.isEmpty {
                    drafts.append(draft)
                } else {
                    problems += reader.problems
                }
            }
        }
        guard problems.isEmpty else { throw .invalidEvents(problems) }
        return drafts
    }

    private func ndjsonDocuments(_ body: [UInt8]) throws(IntakeError) -> [Result<JSONValue, FieldProblem>] {
        var documents: [Result<JSONValue, FieldProblem>] = []
        for line in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard line.contains(where: { !Self.isJSONWhitespace($0) }) else { continue }
            guard documents.count < limits.maxEventsPerRequest else {
                throw .tooManyEvents(limit: limits.maxEventsPerRequest)
            }
            let pointer = "/\(documents.count)"
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line)) {
                documents.append(.success(value))
            } else {
                documents.append(.failure(FieldProblem(pointer: pointer, reason: "is not a JSON document")))
            }
        }
        return documents
    }

    private func arrayDocuments(_ body: [UInt8]) throws(IntakeError) -> [Result<JSONValue, FieldProblem>] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
            throw .invalidEvents([FieldProblem(pointer: "", reason: "is not a JSON document")])
        }
        switch value {
        case .array(let events): return events.map { .success($0) }
        case .object: return [.success(value)]
        default:
            throw .invalidEvents([FieldProblem(pointer: "", reason: "must be an event or an array of events")])
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Bounds on what one intake request may hold.
public struct IntakeLimits: Sendable, Hashable {
    public var maxEventsPerRequest: Int
    public var maxStringLength: Int
    public var maxObservablesPerEvent: Int

    public init(maxEventsPerRequest: Int = 100_000, maxStringLength: Int = 1 << 20, maxObservablesPerEvent: Int = 10_000) {
        self.maxEventsPerRequest = maxEventsPerRequest
        self.maxStringLength = maxStringLength
        self.maxObservablesPerEvent = maxObservablesPerEvent
    }
}
