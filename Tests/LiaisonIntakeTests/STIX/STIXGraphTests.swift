import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// What an incident reaches, and the roles its edges give.
@Suite struct STIXGraphTests {
    let reader = STIXBundleReader(defaultTLP: .green)

    func relationship(_ n: Int, _ type: String, _ source: String, _ target: String) -> JSONValue {
        stixObject("relationship", n, ["relationship_type": .string(type), "source_ref": .string(source), "target_ref": .string(target)])
    }

    func ipv4(_ n: Int) -> JSONValue {
        .object(["type": "ipv4-addr", "id": .string(stixID("ipv4-addr", n)), "value": .string("192.0.2.\(n)")])
    }

    @Test("Follows relationship chains to maxReferenceDepth and no further")
    func depthBound() throws {
        let incident = stixObject("incident", 1, ["name": "chain"])
        var objects = [incident]
        var previous = stixID("incident", 1)
        for step in 1...5 {
            let next = stixID("infrastructure", step)
            objects.append(stixObject("infrastructure", step, ["name": .string("hop \(step)")]))
            objects.append(relationship(100 + step, "consists-of", previous, next))
            previous = next
        }
        for depth in 0...4 {
            let reading = try STIXBundleReader(limits: STIXLimits(maxReferenceDepth: depth), defaultTLP: .green).read(stixBundle(objects))
            #expect(reading.incidents.count == 1)
            // Each step adds the relationship and the next infrastructure.
            #expect(reading.incidents[0].objectIndices.count == 1 + 2 * depth)
            let beyond = reading.objects.filter { $0.disposition == .context }.count
            #expect(beyond == 2 * (5 - depth))
        }
    }

    @Test("Gives victim to where_sighted_refs and targets, offender to uses and attributed-to and patterns")
    func roles() throws {
        let sighting = stixObject("sighting", 1, [
            "sighting_of_ref": .string(stixID("threat-actor", 2)), "where_sighted_refs": refs(stixID("identity", 3)),
        ])
        let objects: [JSONValue] = [
            sighting,
            stixObject("threat-actor", 2, ["name": "Crew"]),
            stixObject("identity", 3, ["name": "Ana Example", "identity_class": "individual", "contact_information": "ana@example.org"]),
            relationship(4, "uses", stixID("threat-actor", 2), stixID("ipv4-addr", 5)),
            ipv4(5),
            relationship(6, "targets", stixID("threat-actor", 2), stixID("ipv4-addr", 7)),
            ipv4(7),
            relationship(8, "related-to", stixID("threat-actor", 2), stixID("ipv4-addr", 9)),
            ipv4(9),
            stixObject("identity", 10, ["name": "Bob Example", "identity_class": "individual"]),
            relationship(11, "attributed-to", stixID("threat-actor", 2), stixID("identity", 10)),
        ]
        let incident = try #require(try reader.read(stixBundle(objects)).incidents.first)
        #expect(Set(incident.draft.observables) == [
            Observable(kind: .person, value: "Ana Example", role: .victim),
            Observable(kind: .ipv4, value: "192.0.2.5", role: .offender),
            Observable(kind: .ipv4, value: "192.0.2.7", role: .victim),
            Observable(kind: .ipv4, value: "192.0.2.9", role: .unknown),
        ])
        // An individual that is not a victim stays text, for the personal-data scanner.
        let identities = incident.draft.custody.filter { $0.name == "stix.identity" }.map(\.content)
        #expect(identities == [.text("ana@example.org"), .text("Bob Example")])
    }

    @Test("Reaches sources of relationships only from the root and a container's own list")
    func reverseRelationships() throws {
        let report = stixObject("report", 1, ["name": "r", "published": "2024-03-01T00:00:00Z", "object_refs": refs(stixID("malware", 2))])
        let objects: [JSONValue] = [
            report,
            stixObject("malware", 2, ["name": "m", "is_family": true]),
            stixIndicator(3),
            relationship(4, "indicates", stixID("indicator", 3), stixID("malware", 2)),
        ]
        let reading = try reader.read(stixBundle(objects))
        #expect(reading.incidents.count == 1)
        #expect(reading.incidents[0].objectIndices == [0, 1, 3, 2])
        #expect(reading.incidents[0].draft.observables == [Observable(kind: .ipv4, value: "198.51.100.1", role: .offender)])
    }

    @Test("Keeps roots apart: an indicator another standalone indicator reaches stays its own incident")
    func rootsStayApart() throws {
        let objects: [JSONValue] = [
            stixIndicator(1), stixIndicator(2, pattern: "[domain-name:value = 'b.example']"),
            relationship(3, "related-to", stixID("indicator", 1), stixID("indicator", 2)),
        ]
        let reading = try reader.read(stixBundle(objects))
        #expect(reading.incidents.count == 2)
        #expect(reading.incidents[0].draft.observables.count == 1)
        #expect(reading.incidents[0].custody("stix.related") == stixID("indicator", 2))
    }

    @Test("Keeps custom objects and properties as custody text; unreferenced ones are context")
    func customObjects() throws {
        let reading = try reader.read(try stixFixture("custom-objects"))
        #expect(reading.incidents.count == 1)
        let incident = reading.incidents[0]
        #expect(incident.draft.observables == [
            Observable(kind: .cryptoWallet, value: "bc1qexamplewalletaddress0000000000000000", role: .unknown),
            Observable(kind: .cryptoWallet, value: "0x0000000000000000000000000000000000c0ffee", role: .unknown),
        ])
        #expect(incident.draft.classification == Classification(taxonomy: "fraud", type: "masquerade"))
        let custom = try #require(incident.custody("stix.custom"))
        #expect(custom.contains(#""case_owner":"desk 4""#))
        #expect(!custom.contains("bc1q"))
        #expect(reading.outcome(stixID("x-acme-unreferenced", 64))?.disposition == .context)
        #expect(reading.outcome(stixID("extension-definition", 65))?.disposition == .context)
        #expect(reading.outcome(stixID("x-acme-case", 63))?.disposition == .included([0]))
    }
}
