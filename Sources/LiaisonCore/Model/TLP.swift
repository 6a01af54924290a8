/// A Traffic Light Protocol 2.0 label (FIRST TLP 2.0).
///
/// Ordered from least to most restrictive, so `max` of two labels is the one a
/// recipient must honour. TLP 1.0's WHITE arrives on input and reads as CLEAR.
public enum TLP: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case clear = "TLP:CLEAR"
    case green = "TLP:GREEN"
    case amber = "TLP:AMBER"
    case amberStrict = "TLP:AMBER+STRICT"
    case red = "TLP:RED"

    /// Accepts `TLP:AMBER`, `amber`, `AMBER+STRICT` and TLP 1.0's `white`.
    public init?(label: String) {
        var text = label.uppercased()
        if text.hasPrefix("TLP:") { text.removeFirst(4) }
        switch text {
        case "CLEAR", "WHITE": self = .clear
        case "GREEN": self = .green
        case "AMBER": self = .amber
        case "AMBER+STRICT": self = .amberStrict
        case "RED": self = .red
        default: return nil
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: TLP, rhs: TLP) -> Bool { lhs.rank < rhs.rank }
}
