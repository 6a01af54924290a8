import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// The vocabulary → RSIT table, its order, and its documentation.
@Suite struct STIXClassificationTableTests {
    /// `schemas/stix-mapping.md`, found from this file's place in the package.
    func mappingDocument() throws -> String {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: package.appendingPathComponent("schemas/stix-mapping.md"), encoding: .utf8)
    }

    @Test("The RSIT table in schemas/stix-mapping.md equals the Swift table, row for row")
    func documentMatchesCode() throws {
        let document = try mappingDocument()
        let section = try #require(document.components(separatedBy: "### RSIT table").last)
        var rows: [String] = []
        for line in section.split(separator: "\n").drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, cells[0].hasPrefix("`") else { continue }
            rows.append(cells[0].trimmingCharacters(in: ["`"]) + " -> " + cells[1].trimmingCharacters(in: ["`"]))
        }
        #expect(rows == STIXClassificationTable.rows.map { $0.value + " -> " + $0.rsit })
    }

    @Test("Every row names a real RSIT class and no value appears twice")
    func rowsAreRSIT() {
        for row in STIXClassificationTable.rows {
            let parts = row.rsit.split(separator: "/").map(String.init)
            #expect(parts.count == 2 && Classification(taxonomy: parts[0], type: parts[1]) != nil, "\(row.value)")
        }
        #expect(Set(STIXClassificationTable.rows.map(\.value)).count == STIXClassificationTable.rows.count)
    }

    @Test("Maps table values and RSIT machine tags, and nothing else", arguments: [
        ("phishing", "fraud/phishing"), ("Ransomware", "malicious-code/infected-system"), ("ddos", "availability/ddos"),
        (#"rsit:intrusion-attempts="brute-force""#, "intrusion-attempts/brute-force"),
        (#"rsit:fraud="no-such-type""#, nil), ("malicious-activity", nil), ("threat-report", nil), ("unknown", nil),
    ] as [(String, String?)])
    func values(value: String, expected: String?) {
        let mapped = STIXClassificationTable.classification(of: value).map { $0.taxonomy + "/" + $0.type }
        #expect(mapped == expected)
    }

    @Test("The root's values come before included objects', and properties go in the documented order")
    func order() throws {
        let reader = STIXBundleReader(defaultTLP: .amber)
        let report = stixObject("report", 1, [
            "name": "r", "published": "2024-03-01T00:00:00Z", "object_refs": refs(stixID("malware", 2)),
            "labels": ["spam"], "report_types": ["threat-report", "ddos"],
        ])
        let malware = stixObject("malware", 2, ["is_family": true, "malware_types": ["ransomware"]])
        #expect(try reader.read(stixBundle([report, malware])).incidents[0].draft.classification
            == Classification(taxonomy: "availability", type: "ddos"))
        let unlabelled = stixObject("report", 1, ["name": "r", "published": "2024-03-01T00:00:00Z", "object_refs": refs(stixID("malware", 2))])
        #expect(try reader.read(stixBundle([unlabelled, malware])).incidents[0].draft.classification
            == Classification(taxonomy: "malicious-code", type: "infected-system"))
        let generic = stixIndicator(3, ["indicator_types": ["malicious-activity"], "labels": ["unknown"]])
        #expect(try reader.read(stixBundle([generic])).incidents[0].draft.classification == .undetermined)
    }
}
