import Foundation

extension StringProtocol {
    /// The text without leading and trailing white space (and newlines); returned as it is,
    /// without Foundation's character-set scan, when it has none, which is nearly always.
    public var trimmedOfWhitespace: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return String(self) }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
