import Foundation
import LiaisonCore

/// `liaison-bench candidates --file PATH`: every person-name candidate of a labelled text file
/// (the format of `FileScore`) as JSON Lines, for `Benchmarks/NameModel/cross-validate.py`. The
/// first line names the features; then, per document, `{"doc", "gold"}` (its number of person
/// spans) and one line per candidate, `{"doc", "start", "end", "label", "on"}`: scalar offsets,
/// label 1 when the span is exactly a gold span, and the indices of the features that are 1 (all
/// are 0 or 1).
/// `--structured PATH`: the features of each structured-field value instead (`structured`).
enum CandidateDump {
    static func run(_ path: String) throws {
        var out = jsonLine(["features": NameCandidateRows.featureNames])
        for line in try FileScore.lines(path) {
            let id = line["id"] as? String ?? ""
            let text = line["text"] as? String ?? ""
            let gold = Set((line["spans"] as? [[String: Any]] ?? []).filter { ($0["type"] as? String) == "person" }.map {
                ($0["start"] as? Int ?? 0) << 32 | ($0["end"] as? Int ?? 0)
            })
            out += jsonLine(["doc": id, "gold": gold.count])
            let rows = NameCandidateRows.rows(text)
            let ranges = ScalarOffsets.scalarRanges(of: rows.map(\.utf8Range), in: text)
            for (row, r) in zip(rows, ranges) {
                let on = row.features.indices.filter { row.features[$0] != 0 }
                out += jsonLine(["doc": id, "start": r.lowerBound, "end": r.upperBound,
                                 "label": gold.contains(r.lowerBound << 32 | r.upperBound) ? 1 : 0, "on": on])
            }
            if out.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// `liaison-bench candidates --structured PATH`: per value of a structured-field file
    /// (`{"value", "person"}` lines), `{"person", "on"}` with the indices of the features of
    /// `PersonFieldModel` that are 1; the first line names them.
    static func structured(_ path: String) throws {
        var out = jsonLine(["features": PersonFieldModel.featureNames])
        for line in try FileScore.lines(path) {
            let person = line["person"] as? Bool ?? false
            out += jsonLine(["person": person ? 1 : 0, "on": PersonFieldModel.features(line["value"] as? String ?? "")])
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private static func jsonLine(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
