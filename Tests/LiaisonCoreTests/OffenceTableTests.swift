import Foundation
import LiaisonCore
import Testing

@Suite struct OffenceTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("schemas/offences.md lists every RSIT class once, with exactly the offences the code maps it to")
    func documentedTableEqualsCode() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("schemas/offences.md"), encoding: .utf8)
        var documented: [String: Set<Offence>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && line.contains("/") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[0] != "RSIT class" else { continue }
            let offences: [Offence?] = cells[1] == "none" ? [] : cells[1].split(separator: ",").map { cell -> Offence? in
                let article = Int(cell.trimmingCharacters(in: .whitespaces).dropFirst(4))
                return Offence.allCases.first { $0.article == article }
            }
            #expect(!offences.contains(nil), "\(line)")
            #expect(documented[cells[0]] == nil, "\(cells[0]) twice")
            documented[cells[0]] = Set(offences.compactMap { $0 })
        }
        var classes: Set<String> = []
        for (taxonomy, types) in RSIT.types {
            for type in types {
                let name = taxonomy + "/" + type
                classes.insert(name)
                #expect(documented[name] == Offence.of(Classification(taxonomy: taxonomy, type: type)!), "\(name)")
            }
        }
        #expect(Set(documented.keys) == classes)
    }

    @Test("Articles are numbered 2 to 10 and their wire names carry the number")
    func articles() {
        #expect(Offence.allCases.map(\.article) == Array(2...10))
        for offence in Offence.allCases { #expect(offence.rawValue.hasPrefix("art-\(offence.article)-")) }
    }
}
