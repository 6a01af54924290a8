import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// Invalid objects and bundles, each refused for the right reason at the right place.
@Suite struct STIXObjectValidatorTests {
    let reader = STIXBundleReader(limits: STIXLimits(maxStringLength: 65_536), defaultTLP: .amber)

    static let expected: [(index: Int, pointer: String, reason: String)] = [
        (0, "", "must be an object"),
        (1, "/type", "is required"),
        (2, "/id", "must be an identifier of the form type--UUID"),
        (3, "/id", "must start with the object's type"),
        (4, "/spec_version", "must be 2.1"),
        (5, "/created", "is required"),
        (6, "/modified", "must be an RFC 3339 timestamp in UTC (ending in Z)"),
        (7, "/pattern", "is required"),
        (8, "/pattern", "pattern does not parse: expected 'AND', 'OR' or ']' to close the observation expression"),
        (9, "/sighting_of_ref", "must reference a STIX Domain Object"),
        (10, "/where_sighted_refs/0", "must reference identity or location"),
        (11, "/created_by_ref", "must reference identity"),
        (12, "/object_marking_refs/0", "must reference marking-definition"),
        (13, "/target_ref", "is required"),
        (14, "/published", "is required"),
        (15, "/context", "is required"),
        (16, "/object_refs", "is required unless objects is present"),
        (17, "/number_observed", "must be an integer from 1 to 999999999"),
        (18, "/is_family", "is required"),
        (19, "/name", "is required"),
        (20, "/content", "is required"),
        (21, "/name", "is required"),
        (22, "/value", "is required"),
        (23, "/resolves_to_refs/0", "must reference domain-name or ipv4-addr or ipv6-addr"),
        (24, "/object_refs/0", "must reference a Cyber-observable Object or a relationship"),
        (25, "/name", "is longer than 65536 bytes"),
        (27, "/id", "duplicates an earlier object with the same id and modified"),
        (28, "/type", "must be 3 to 250 characters of a-z, 0-9 and hyphen"),
        (29, "/object_refs", "must not be empty"),
        (30, "/labels", "must be a list"),
    ]

    @Test("Rejects each invalid object for its reason, by pointer, and keeps the valid one")
    func invalidCorpus() throws {
        let reading = try reader.read(try stixFixture("invalid-objects"))
        for (index, pointer, reason) in Self.expected {
            guard case .rejected(let problems) = reading.objects[index].disposition else {
                Issue.record("object \(index) was not rejected")
                continue
            }
            #expect(problems.contains(FieldProblem(pointer: "/objects/\(index)" + pointer, reason: reason)), "object \(index): \(problems)")
        }
        let rejected = reading.objects.filter { if case .rejected = $0.disposition { true } else { false } }
        #expect(rejected.count == Self.expected.count)
        #expect(reading.objects[26].disposition == .incident(0))
        #expect(reading.incidents.count == 1)
    }

    @Test("Reasons never quote values")
    func reasonsQuoteNothing() throws {
        let reading = try reader.read(try stixFixture("invalid-objects"))
        for outcome in reading.objects {
            guard case .rejected(let problems) = outcome.disposition else { continue }
            #expect(!problems.contains { $0.reason.contains("secret-person") || $0.reason.contains("xxxx") })
        }
        #expect(reading.objects[2].id == nil)
        #expect(reading.objects[8].id == stixID("indicator", 108))
    }

    @Test("Refuses bodies that are not bundles", arguments: [
        (JSONValue.array([]), "", "must be an object"),
        (.object(["type": "report", "id": .string(stixID("bundle", 1)), "objects": .array([])]), "/type", "must be bundle"),
        (.object(["type": "bundle", "id": .string(stixID("report", 1)), "objects": .array([])]), "/id", "must be an identifier bundle--UUID"),
        (.object(["type": "bundle", "objects": .array([])]), "/id", "is required"),
        (.object(["type": "bundle", "id": .string(stixID("bundle", 1))]), "/objects", "is required"),
        (.object(["type": "bundle", "id": .string(stixID("bundle", 1)), "objects": .object([:])]), "/objects", "must be an array"),
    ])
    func notABundle(body: JSONValue, pointer: String, reason: String) throws {
        let error = #expect(throws: IntakeError.self) { try reader.read(body) }
        #expect(error == .invalidBundle([FieldProblem(pointer: pointer, reason: reason)]))
    }

    @Test("Refuses a bundle of 50,001 objects as a whole")
    func tooManyObjects() throws {
        let objects = Array(repeating: JSONValue.object([:]), count: 50_001)
        let error = #expect(throws: IntakeError.self) { try STIXBundleReader(defaultTLP: .amber).read(stixBundle(objects)) }
        #expect(error == .tooManyObjects(limit: 50_000))
    }

    @Test("Keeps the newest version of a duplicated id and the older one as context")
    func versions() throws {
        let older = stixIndicator(1)
        let newer = stixIndicator(1, pattern: "[domain-name:value = 'new.example']", ["modified": "2024-03-03T10:00:00Z"])
        for objects in [[older, newer], [newer, older]] {
            let reading = try reader.read(stixBundle(objects))
            #expect(reading.incidents.count == 1)
            #expect(reading.incidents[0].draft.observables.map(\.value) == ["new.example"])
            #expect(reading.incidents[0].modified == RFC3339.date(from: "2024-03-03T10:00:00Z"))
            #expect(reading.objects.map(\.disposition).filter { $0 == .context }.count == 1)
        }
    }

    @Test("A container that lists a rejected object still becomes an incident without it")
    func containerWithRejectedMember() throws {
        let report = stixObject("report", 1, ["name": "r", "published": "2024-03-01T00:00:00Z", "object_refs": refs(stixID("indicator", 2), stixID("indicator", 3))])
        let reading = try reader.read(stixBundle([report, stixIndicator(2), stixIndicator(3, pattern: "[broken")]))
        #expect(reading.incidents.count == 1)
        #expect(reading.incidents[0].objectIndices == [0, 1])
        #expect(reading.incidents[0].custody("stix.missing_refs") == stixID("indicator", 3))
        #expect(reading.objects[2].disposition == .rejected([FieldProblem(pointer: "/objects/2/pattern", reason: "pattern does not parse: expected ':' after the object type")]))
    }
}
