extension MailCorpus {
    /// Boundary declared as "good" but the body uses "--bad" and never closes (RFC 2046 section 5.1.1 violated).
    public static var brokenBoundary: [UInt8] {
        bytes(header(subject: "broken boundary", id: "broken-1", extra: "Content-Type: multipart/mixed; boundary=\"good\"") + """


            --bad
            Content-Type: text/plain

            Evidence line that must stay readable.
            --bad--

            """)
    }

    /// Truncated multipart: first part opens, closing delimiter missing.
    public static var truncatedMultipart: [UInt8] {
        bytes(header(subject: "truncated", id: "trunc-1", extra: "Content-Type: multipart/mixed; boundary=\"t\"") + """


            --t
            Content-Type: text/plain

            Partial evidence
            """)
    }

    /// RFC 2231 filename: continuations with charset/language and percent-encoding.
    public static let rfc2231Name = "Izveštaj o incidentu – čćž.txt"
    public static var rfc2231Filename: [UInt8] {
        bytes(header(subject: "attachment", id: "2231-1", extra: "Content-Type: multipart/mixed; boundary=\"a\"") + """


            --a
            Content-Type: text/plain; charset=utf-8

            See attachment.
            --a
            Content-Type: text/plain; charset=utf-8;
             name*=utf-8''Izve%C5%A1taj%20o%20incidentu%20%E2%80%93%20%C4%8D%C4%87%C5%BE.txt
            Content-Disposition: attachment;
             filename*0*=utf-8'sr'Izve%C5%A1taj%20o%20;
             filename*1*=incidentu%20%E2%80%93%20;
             filename*2*=%C4%8D%C4%87%C5%BE.txt
            Content-Transfer-Encoding: 7bit

            log line 1
            --a--

            """)
    }

    /// Encoded-words that are malformed in several ways; all must stay readable, not vanish.
    public static var malformedEncodedWords: [UInt8] {
        bytes("""
            From: =?utf-8?q?Broken_Name?= <broken@isp.example>
            To: incident@cert.example
            Subject: =?utf-8?B?!!notbase64!!?= alert =?x-unknown-cs?Q?hello_there?= tail =?utf-8?q?unterminated
            X-Mixed: prefix=?utf-8?q?glued?=suffix
            Message-ID: <malformed-1@isp.example>

            body

            """)
    }
}
