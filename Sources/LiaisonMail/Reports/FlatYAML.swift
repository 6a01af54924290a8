/// The subset of YAML 1.2 that X-ARF 0.2 reports use: one document, one flat block mapping of
/// `Key: scalar` lines, plain or quoted scalars, `#` comments. Everything else (indentation,
/// sequences, flow collections, anchors/aliases, tags, block scalars, multiple documents,
/// duplicate keys) is refused rather than interpreted, so no YAML feature can amplify input.
enum FlatYAML {
    enum Rejection: String, Error {
        case tooLarge = "yaml-too-large"
        case nested = "yaml-nested-or-sequence"
        case anchorOrAlias = "yaml-anchor-or-alias"
        case tag = "yaml-tag"
        case blockScalar = "yaml-block-scalar"
        case multipleDocuments = "yaml-multiple-documents"
        case duplicateKey = "yaml-duplicate-key"
        case malformed = "yaml-malformed"
    }

    static let maxBytes = 64 * 1024
    static let maxKeys = 200

    /// Key/value pairs in document order.
    static func parse(_ text: String) throws(Rejection) -> [(key: String, value: String)] {
        guard text.utf8.count <= maxBytes else { throw .tooLarge }
        var pairs: [(key: String, value: String)] = []
        var keys = Set<String>()
        var sawContent = false, ended = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed == "---" || trimmed.hasPrefix("--- ") {
                if sawContent || ended { throw .multipleDocuments }
                sawContent = true
                continue
            }
            if trimmed == "..." { ended = true; continue }
            if ended { throw .multipleDocuments }
            sawContent = true
            if line.first == " " || line.first == "\t" { throw .nested }
            if trimmed.hasPrefix("- ") || trimmed == "-" || trimmed.hasPrefix("?") { throw .nested }
            if trimmed.hasPrefix("&") || trimmed.hasPrefix("*") || trimmed.hasPrefix("<<") { throw .anchorOrAlias }
            if trimmed.hasPrefix("!") { throw .tag }
            guard let separator = separatorIndex(in: line) else { throw .malformed }
            let key = line[..<separator].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.hasPrefix("\""), !key.hasPrefix("'") else { throw .malformed }
            let value = try scalar(line[line.index(after: separator)...].trimmingCharacters(in: .whitespaces))
            guard keys.insert(key).inserted else { throw .duplicateKey }
            guard keys.count <= maxKeys else { throw .tooLarge }
            pairs.append((key, value))
        }
        return pairs
    }

    /// The ": " (or ":" at end of line) that ends a plain key.
    private static func separatorIndex(in line: Substring) -> Substring.Index? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" { return index }
            }
            index = line.index(after: index)
        }
        return nil
    }

    private static func scalar(_ raw: String) throws(Rejection) -> String {
        guard let first = raw.first else { throw .nested }  // "Key:" with nothing opens a nested block
        switch first {
        case "&", "*": throw .anchorOrAlias
        case "!": throw .tag
        case "|", ">": throw .blockScalar
        case "{", "[": throw .nested
        case "\"":
            guard raw.count >= 2, raw.hasSuffix("\"") else { throw .malformed }
            var out = "", escaped = false
            for character in raw.dropFirst().dropLast() {
                if escaped {
                    switch character {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "\"", "\\", "/": out.append(character)
                    default: throw .malformed
                    }
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    out.append(character)
                }
            }
            if escaped { throw .malformed }
            return out
        case "'":
            guard raw.count >= 2, raw.hasSuffix("'") else { throw .malformed }
            return String(raw.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        default:
            // A plain scalar ends at " #" (comment).
            if let comment = raw.range(of: " #") { return String(raw[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces) }
            return raw
        }
    }
}
