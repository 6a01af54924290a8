import Foundation
import LiaisonCore
import Testing
@testable import LiaisonMail

/// The report-vocabulary tables of `RSITTables` and the documents that state them.
@Suite struct RSITTableTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The rows of the "XARF v4 category and type → RSIT" table of `schemas/xarf-mapping.md`.
    static func documentedXARF4Rows() throws -> [String: [String]] {
        let text = try String(contentsOf: root.appendingPathComponent("schemas/xarf-mapping.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## XARF v4 category and type → RSIT").dropFirst().first)
        var rows: [String: [String]] = [:]
        for line in section.split(separator: "\n").prefix(while: { !$0.hasPrefix("## ") }) where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 4, cells[0] != "category", !cells[0].hasPrefix("---") else { continue }
            #expect(rows[cells[0] + "/" + cells[1]] == nil, "\(cells[0])/\(cells[1]) listed twice")
            rows[cells[0] + "/" + cells[1]] = [cells[2], cells[3]]
        }
        return rows
    }

    @Test("schemas/xarf-mapping.md lists exactly the XARF v4 table of the code")
    func xarf4TableMatchesDocument() throws {
        let documented = try Self.documentedXARF4Rows()
        #expect(documented.count == 32)
        #expect(documented == RSITTables.xarf4.mapValues { [$0.0, $0.1] })
    }

    @Test("Every row of every table is a valid RSIT class")
    func rowsAreRSIT() {
        for table in [RSITTables.xarf4, RSITTables.xarfType, RSITTables.xarfClass, RSITTables.xarf02Type, RSITTables.feedbackType,
                      RSITTables.iodefSystemImpact] {
            for (key, row) in table {
                #expect(Classification(taxonomy: row.0, type: row.1) != nil, "\(key) → \(row.0)/\(row.1)")
            }
        }
    }
}
