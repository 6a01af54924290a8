import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// Reads `Fixtures/stix/<name>.json` into a `JSONValue` (Foundation's decoder for now).
func stixFixture(_ name: String) throws -> JSONValue {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/stix/\(name)", withExtension: "json"))
    return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
}

/// A synthetic identifier: `type--0000000n-0000-4000-8000-00000000000n`.
func stixID(_ type: String, _ n: Int) -> String {
    let digits = String(n)
    return type + "--" + String(repeating: "0", count: 8 - digits.count) + digits + "-0000-4000-8000-"
        + String(repeating: "0", count: 12 - digits.count) + digits
}

/// A minimal valid SDO or SRO with extra properties.
func stixObject(_ type: String, _ n: Int, modified: String = "2024-03-02T10:00:00Z", _ extra: [String: JSONValue] = [:]) -> JSONValue {
    var properties: [String: JSONValue] = [
        "type": .string(type), "spec_version": "2.1", "id": .string(stixID(type, n)),
        "created": "2024-03-01T10:00:00Z", "modified": .string(modified),
    ]
    properties.merge(extra) { _, new in new }
    return .object(properties)
}

func stixIndicator(_ n: Int, pattern: String = "[ipv4-addr:value = '198.51.100.1']", _ extra: [String: JSONValue] = [:]) -> JSONValue {
    var properties: [String: JSONValue] = ["pattern": .string(pattern), "pattern_type": "stix", "valid_from": "2024-03-01T00:00:00Z"]
    properties.merge(extra) { _, new in new }
    return stixObject("indicator", n, properties)
}

func stixBundle(_ objects: [JSONValue]) -> JSONValue {
    .object(["type": "bundle", "id": .string(stixID("bundle", 1)), "objects": .array(objects)])
}

func refs(_ ids: String...) -> JSONValue { .array(ids.map { .string($0) }) }

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension STIXBundleReading {
    func outcome(_ id: String) -> STIXObjectOutcome? { objects.first { $0.id == id } }

    func incident(_ id: String) -> STIXIncidentDraft? { incidents.first { $0.stixID == id } }
}

extension STIXIncidentDraft {
    func custody(_ name: String) -> String? {
        for field in draft.custody where field.name == name {
            switch field.content {
            case .text(let text), .addressText(let text), .verbatim(let text), .personal(_, let text): return text
            }
        }
        return nil
    }
}
