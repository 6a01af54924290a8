/// Synthetic messages (never real reports) shared by the tests, the fuzz seed corpus and the bench.
/// Addresses use RFC 2606 / RFC 5737 documentation names and ranges.
public enum MailCorpus {
    /// Every corpus message by name, for fuzz seeds and the benchmark mix.
    public static var all: [(name: String, bytes: [UInt8])] {
        [("arf", arf), ("xarf", xarf), ("cyrillic-1251-qp", cyrillic1251QP),
         ("subject-8859-2", subjectISO88592), ("turkish-1254", turkish1254), ("forwarded-3", forwarded(levels: 3)),
         ("broken-boundary", brokenBoundary), ("missing-charset", missingCharset), ("rfc2231", rfc2231Filename),
         ("malformed-words", malformedEncodedWords), ("koi8r-8859-5", koi8rAndISO88595), ("wrong-charset", wrongCharset)]
    }

    /// LF-terminated text to bytes; `crlf` converts line ends to CRLF (RFC 5322 section 2.1).
    public static func bytes(_ text: String, crlf: Bool = false) -> [UInt8] {
        Array((crlf ? text.replacingLF() : text).utf8)
    }

    static func header(subject: String, id: String, extra: String = "") -> String {
        """
        Received: from mx1.isp.example (mx1.isp.example [192.0.2.10]) by mail.cert.example with ESMTPS id 4AbC; Tue, 04 Mar 2025 10:15:02 +0100
        Received: from reporter.isp.example by mx1.isp.example with ESMTP; Tue, 04 Mar 2025 10:15:00 +0100
        From: "ISP Abuse Desk" <abuse@isp.example>
        To: CERT <incident@cert.example>, soc@cert.example
        Subject: \(subject)
        Date: Tue, 04 Mar 2025 10:14:59 +0100
        Message-ID: <\(id)@isp.example>
        MIME-Version: 1.0
        \(extra)
        """
    }

    /// Minimal base64 (RFC 2045 section 6.8) with 76-character lines, for building test bodies.
    public static func base64(_ data: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < data.count {
            let chunk = Array(data[index..<min(index + 3, data.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? table[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
            }
            index += 3
            if index % 57 == 0, index < data.count { out.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func replacingLF() -> String {
        var out = ""
        for character in self { out += character == "\n" ? "\r\n" : String(character) }
        return out
    }
}
