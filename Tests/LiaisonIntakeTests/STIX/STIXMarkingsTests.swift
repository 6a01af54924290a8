import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// TLP and statement markings.
@Suite struct STIXMarkingsTests {
    let reader = STIXBundleReader(defaultTLP: .amber)

    @Test("Reads TLP 1.0 white as CLEAR, bundle-defined TLP 2.0 names, and keeps statements and other patterns")
    func definitionsInBundle() throws {
        let reading = try reader.read(try stixFixture("markings"))
        #expect(reading.incidents.count == 3)
        let white = try #require(reading.incident(stixID("indicator", 72)))
        #expect(white.draft.tlp == .clear)
        #expect(white.custody("stix.marking.statement") == "Copyright 2024 CERT Example")
        #expect(white.draft.observables == [Observable(
            kind: .hashSHA256, value: "aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f", role: .offender)])
        let snort = try #require(reading.incident(stixID("indicator", 73)))
        #expect(snort.draft.tlp == .amberStrict)
        #expect(snort.draft.observables.isEmpty)
        #expect(snort.custody("stix.pattern") == "snort: alert tcp any any -> any 445")
        #expect(reading.incident(stixID("indicator", 74))?.draft.tlp == .amber)
        #expect(reading.objects.prefix(3).allSatisfy { $0.disposition == .context })
    }

    static let tlp2: [(String, TLP)] = [
        ("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", .clear),
        ("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", .green),
        ("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", .amber),
        ("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", .amberStrict),
        ("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", .red),
        ("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", .clear),
        ("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", .green),
        ("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", .amber),
        ("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", .red),
    ]

    @Test("Reads the standard TLP definitions by their fixed ids, present in the bundle or not", arguments: tlp2)
    func standardIDs(id: String, tlp: TLP) throws {
        let reading = try STIXBundleReader(defaultTLP: .red).read(stixBundle([stixIndicator(1, ["object_marking_refs": refs(id)])]))
        #expect(reading.incidents[0].draft.tlp == tlp)
    }

    @Test("Takes the most restrictive marking of the object and its container, granular markings included")
    func mostRestrictive() throws {
        let green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        let amberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        let clear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        let grouping = stixObject("grouping", 1, [
            "context": "suspicious-activity", "object_refs": refs(stixID("indicator", 2)), "object_marking_refs": refs(green),
        ])
        let marked: JSONValue = .array([.object(["marking_ref": .string(amberStrict), "selectors": refs("pattern")])])
        let bundle = stixBundle([grouping, stixIndicator(2, ["granular_markings": marked, "object_marking_refs": refs(clear)])])
        #expect(try reader.read(bundle).incidents[0].draft.tlp == .amberStrict)
        let unmarked = stixBundle([stixIndicator(3)])
        #expect(try STIXBundleReader(defaultTLP: .green).read(unmarked).incidents[0].draft.tlp == .green)
    }
}
