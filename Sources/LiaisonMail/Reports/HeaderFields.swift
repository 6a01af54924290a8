import Foundation

/// A block of header-style fields ("Name: value", continuation lines folded in, RFC 5322
/// section 2.2), as found in message/feedback-report bodies (RFC 5965 section 3) and
/// text/rfc822-headers parts (RFC 6522 section 4). Parsing stops at the first empty line.
struct HeaderFields: Sendable {
    var fields: [(name: String, value: String)] = []

    init(_ text: String) {
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !fields.isEmpty { break }
                continue
            }
            if let first = line.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append((name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
    }

    /// Every value of `name`, case-insensitive, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value).filter { !$0.isEmpty }
    }

    func first(_ name: String) -> String? { values(name).first }
}

/// Addr-specs in an address-list or path field (RFC 5322 section 3.4, RFC 5321 section 4.1.2
/// "Original-Mail-From: <a@b>"): the part in angle brackets, or else each bare token with an "@".
/// Display names and comments are dropped; the caller only needs the addresses.
enum AddressList {
    static func addresses(in value: String) -> [String] {
        var result: [String] = []
        var inQuotes = false, current = ""
        var pieces: [String] = []
        for character in value {
            if character == "\"" { inQuotes.toggle() }
            if character == ",", !inQuotes { pieces.append(current); current = "" } else { current.append(character) }
        }
        pieces.append(current)
        for piece in pieces {
            if let open = piece.lastIndex(of: "<"), let close = piece[open...].firstIndex(of: ">") {
                let address = piece[piece.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                if address.contains("@") { result.append(address) }
            } else {
                let unquoted = piece.split(separator: "\"").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
                result += unquoted.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ")" })
                    .filter { $0.contains("@") }.map(String.init)
            }
        }
        return result
    }
}
