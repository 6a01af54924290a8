import Foundation
import LiaisonCore
import LiaisonIntake

/// `liaison-bench stix`: objects/s of `STIXBundleReader` on a synthetic 10,000-object
/// bundle shaped like a CERT's export: reports listing indicators, indicators that indicate
/// one shared malware (a hub every indicator points at), sightings at a victim identity,
/// observed-data with SCOs, TLP markings and custom properties.
func stixBenchmark(objects count: Int, repeats: Int) throws {
    let bundle = makeSTIXBundle(objectCount: count)
    guard case .object(let properties) = bundle, case .array(let objects)? = properties["objects"] else { return }
    let reader = STIXBundleReader(defaultTLP: .amber)
    var best = Double.infinity
    var reading: STIXBundleReading?
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        reading = try reader.read(bundle)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let incidents = reading?.incidents.count ?? 0
    let observables = reading?.incidents.reduce(0) { $0 + $1.draft.observables.count } ?? 0
    print(String(format: "stix read: %d objects in %.3f s = %.0f objects/s (%d incidents, %d observables)",
                 objects.count, best, Double(objects.count) / best, incidents, observables))
}

func makeSTIXBundle(objectCount: Int) -> JSONValue {
    func id(_ type: String, _ n: Int) -> String {
        let hex = String(n, radix: 16)
        return type + "--" + "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
    func sdo(_ type: String, _ n: Int, _ extra: [String: JSONValue]) -> JSONValue {
        var p: [String: JSONValue] = [
            "type": .string(type), "spec_version": .string("2.1"), "id": .string(id(type, n)),
            "created": .string("2024-03-01T10:00:00.000Z"), "modified": .string("2024-03-02T10:00:00.000Z"),
        ]
        p.merge(extra) { _, new in new }
        return .object(p)
    }
    let green = JSONValue.array([.string("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb")])
    var objects: [JSONValue] = [
        sdo("identity", 1, ["name": .string("Example Bank"), "identity_class": .string("organization")]),
        sdo("malware", 2, ["name": .string("Example Ransom"), "malware_types": .array([.string("ransomware")]), "is_family": .bool(true)]),
    ]
    var n = 10
    var listed: [JSONValue] = []
    while objects.count < objectCount {
        n += 1
        let octets = "\(n / 65536 % 256).\(n / 256 % 256).\(n % 256)"
        objects.append(sdo("indicator", n, [
            "pattern": .string("[ipv4-addr:value = '10.\(octets)'] OR [domain-name:value = 'host\(n).example']"),
            "pattern_type": .string("stix"), "valid_from": .string("2024-03-01T00:00:00Z"), "object_marking_refs": green,
            "x_score": .number(Double(n % 100)),
        ]))
        objects.append(sdo("relationship", n, [
            "relationship_type": .string("indicates"), "source_ref": .string(id("indicator", n)), "target_ref": .string(id("malware", 2)),
        ]))
        objects.append(sdo("sighting", n, [
            "sighting_of_ref": .string(id("indicator", n)), "where_sighted_refs": .array([.string(id("identity", 1))]),
            "observed_data_refs": .array([.string(id("observed-data", n))]), "count": .number(2),
        ]))
        objects.append(sdo("observed-data", n, [
            "first_observed": .string("2024-03-01T06:00:00Z"), "last_observed": .string("2024-03-01T07:00:00Z"),
            "number_observed": .number(1), "object_refs": .array([.string(id("url", n))]),
        ]))
        objects.append(.object(["type": .string("url"), "id": .string(id("url", n)), "value": .string("https://host\(n).example/x")]))
        listed.append(.string(id("indicator", n)))
        if listed.count == 20 {
            objects.append(sdo("report", n, [
                "name": .string("Report \(n)"), "published": .string("2024-03-02T00:00:00Z"), "object_refs": .array(listed),
                "labels": .array([.string("phishing")]),
            ]))
            listed = []
        }
    }
    return .object(["type": .string("bundle"), "id": .string(id("bundle", 1)), "objects": .array(Array(objects.prefix(objectCount)))])
}
