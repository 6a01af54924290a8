import Testing
@testable import LiaisonCore

/// The text a span covers, cut from the UTF-8 of `text`.
func covered(_ text: String, _ span: DetectedSpan) -> String {
    let u = Array(text.utf8)
    return String(decoding: u[span.utf8Range], as: UTF8.self)
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format2: $0) }.joined() }

extension String {
    init(format2 b: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}

/// One expected finding: the value is embedded in a sentence and must come back with exactly this
/// covered text, kind and normalised value.
struct Finding: Sendable, CustomTestStringConvertible {
    var kind: PersonalDataKind
    var written: String
    var normalised: String
    var before = "Reported by the unit: "
    var after = " — please verify."
    var testDescription: String { "\(kind.rawValue): \(written)" }

    var text: String { before + written + after }
}
