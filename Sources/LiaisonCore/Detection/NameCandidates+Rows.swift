/// The candidates of a text with their features, for `liaison-bench candidates` and
/// `Benchmarks/NameModel/cross-validate.py` (see `NameCandidates`). The scanner does not use them.
public enum NameCandidateRows {
    /// One candidate: its UTF-8 range in the text and its features, 0 or 1 each, in the order of
    /// `featureNames`.
    public struct Row: Sendable {
        public var utf8Range: Range<Int>
        public var features: [Double]
    }

    /// The names of the features (`NameFeature`), in the order of `Row.features`.
    public static var featureNames: [String] { NameFeature.allCases.map { String(describing: $0) } }

    /// Every candidate of `text` with its features, as the rules' scan reads them (before other
    /// kinds and the refanging of defanged text are considered), the rules' names first.
    public static func rows(_ text: String) -> [Row] {
        var copy = text
        return copy.withUTF8 { p in
            var rows: [Row] = []
            PersonNames.candidates(p) { span, f in rows.append(Row(utf8Range: span.start..<span.end, features: Array(f))) }
            return rows
        }
    }
}
