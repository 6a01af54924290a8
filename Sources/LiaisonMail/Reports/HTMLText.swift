/// Text of an HTML body (WHATWG HTML, loosely): tags dropped, script/style/head content dropped,
/// block-level tags and <br> turned into line breaks, the common character references decoded.
/// One linear pass; no DOM, no external fetches.
enum HTMLText {
    private static let blockTags: Set<String> = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre"]
    private static let skippedTags: Set<String> = ["script", "style", "head", "title"]
    private static let references: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    static func plainText(_ html: String) -> String {
        var out = "", skipping: String?
        var noMoreClose = false  // once no ">" follows, stop looking (keeps the pass linear)
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", !noMoreClose, let close = html[index...].firstIndex(of: ">") ?? { noMoreClose = true; return nil }() {
                let inside = html[html.index(after: index)..<close]
                let isEnd = inside.hasPrefix("/")
                let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if let skipped = skipping {
                    if isEnd && name == skipped { skipping = nil }
                } else if !isEnd, skippedTags.contains(name), !inside.hasSuffix("/") {
                    skipping = name
                } else if blockTags.contains(name) {
                    out.append("\n")
                }
                index = html.index(after: close)
                continue
            }
            if skipping == nil {
                if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";"),
                   let decoded = decode(html[html.index(after: index)..<semicolon]) {
                    out += decoded
                    index = html.index(after: semicolon)
                    continue
                }
                out.append(character)
            }
            index = html.index(after: index)
        }
        // Collapse runs of blank lines left by the markup.
        return out.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .reduce(into: [String]()) { lines, line in if !(line.isEmpty && lines.last?.isEmpty == true) { lines.append(line) } }
            .joined(separator: "\n")
    }

    private static func decode(_ reference: Substring) -> String? {
        if let named = references[reference.lowercased()] { return named }
        guard reference.hasPrefix("#") else { return nil }
        let hex = reference.dropFirst().first == "x" || reference.dropFirst().first == "X"
        guard let code = UInt32(reference.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), code != 0,
              let scalar = Unicode.Scalar(code) else { return nil }
        return String(Character(scalar))
    }
}
