extension MailCorpus {
    /// Encodes `text` in a single-byte charset given by its non-ASCII table; nil on an unmapped character.
    static func singleByte(_ text: String, _ table: [Character: UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        for character in text {
            if let ascii = character.asciiValue { out.append(ascii) } else if let byte = table[character] { out.append(byte) } else { return nil }
        }
        return out
    }

    /// windows-1251 (Cyrillic): А..я at 0xC0..0xFF plus the Serbian/Macedonian letters.
    public static func windows1251(_ text: String) -> [UInt8] {
        var table: [Character: UInt8] = [
            "Ђ": 0x80, "Ѓ": 0x81, "ѓ": 0x83, "Љ": 0x8A, "Њ": 0x8C, "Ќ": 0x8D, "Ћ": 0x8E, "Џ": 0x8F, "ђ": 0x90,
            "љ": 0x9A, "њ": 0x9C, "ќ": 0x9D, "ћ": 0x9E, "џ": 0x9F, "Ј": 0xA3, "Ё": 0xA8, "Ѕ": 0xBD, "ѕ": 0xBE,
            "ј": 0xBC, "ё": 0xB8, "«": 0xAB, "»": 0xBB, "–": 0x96, "—": 0x97,
        ]
        for offset in 0..<64 { table[Character(Unicode.Scalar(0x410 + offset)!)] = UInt8(0xC0 + offset) }
        return singleByte(text, table)!
    }

    /// windows-1254 (Turkish): the Latin-1 letters plus Ğ ğ İ ı Ş ş.
    public static func windows1254(_ text: String) -> [UInt8] {
        let table: [Character: UInt8] = [
            "Ç": 0xC7, "ç": 0xE7, "Ğ": 0xD0, "ğ": 0xF0, "İ": 0xDD, "ı": 0xFD, "Ö": 0xD6, "ö": 0xF6,
            "Ş": 0xDE, "ş": 0xFE, "Ü": 0xDC, "ü": 0xFC, "Â": 0xC2, "â": 0xE2, "–": 0x96,
        ]
        return singleByte(text, table)!
    }

    /// windows-1250 (Central European), enough for Albanian and Serbian/Croatian Latin.
    public static func windows1250(_ text: String) -> [UInt8] {
        let table: [Character: UInt8] = [
            "ë": 0xEB, "Ë": 0xCB, "ç": 0xE7, "Ç": 0xC7, "č": 0xE8, "Č": 0xC8, "ć": 0xE6, "Ć": 0xC6,
            "đ": 0xF0, "Đ": 0xD0, "š": 0x9A, "Š": 0x8A, "ž": 0x9E, "Ž": 0x8E, "–": 0x96,
        ]
        return singleByte(text, table)!
    }

    /// A single-part message whose body is `body` bytes in `charset`, base64-encoded (RFC 2045 section 6.8).
    public static func encodedText(subject: String, id: String, charset: String, body: [UInt8], extra: String = "") -> [UInt8] {
        bytes(header(subject: subject, id: id,
                     extra: "Content-Type: text/plain; charset=\(charset)\nContent-Transfer-Encoding: base64" + extra)
              + "\n\n" + base64(body) + "\n")
    }

    /// A multipart/mixed message from (headers, body) entities.
    public static func multipart(subject: String, id: String, boundary: String, extraHeaders: String = "",
                          parts: [(headers: String, body: String)]) -> [UInt8] {
        var text = header(subject: subject, id: id,
                          extra: extraHeaders + "Content-Type: multipart/mixed; boundary=\"\(boundary)\"") + "\n\n"
        for part in parts { text += "--\(boundary)\n\(part.headers)\n\n\(part.body)\n" }
        return bytes(text + "--\(boundary)--\n")
    }
}
