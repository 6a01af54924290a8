extension MailCorpus {
    /// RFC 5965 ARF: multipart/report; report-type=feedback-report with a human-readable part,
    /// a message/feedback-report part and the original message (message/rfc822).
    public static var arf: [UInt8] {
        bytes(header(subject: "FW: Abuse report for 192.0.2.1", id: "arf-1",
                     extra: "Content-Type: multipart/report; report-type=feedback-report;\n boundary=\"arf-b\"") + """


            This is a MIME-formatted message.
            --arf-b
            Content-Type: text/plain; charset="us-ascii"
            Content-Transfer-Encoding: 7bit

            This is an email abuse report for a message received from IP 192.0.2.1.

            --arf-b
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SyntheticFBL/1.0
            Version: 1
            Original-Mail-From: <promo@spam.example>
            Original-Rcpt-To: <user@isp.example>
            Arrival-Date: Tue, 04 Mar 2025 09:00:00 +0000
            Source-IP: 192.0.2.1
            Reported-Domain: spam.example

            --arf-b
            Content-Type: message/rfc822
            Content-Disposition: inline

            Received: from spam.example (unknown [192.0.2.1]) by mx1.isp.example; Tue, 04 Mar 2025 09:00:00 +0000
            From: Promo <promo@spam.example>
            To: <user@isp.example>
            Subject: Cheap watches
            Message-ID: <spam-1@spam.example>
            Date: Tue, 04 Mar 2025 08:59:58 +0000

            Buy now.
            --arf-b--

            """)
    }

    /// X-ARF v4: a text part plus the JSON report as a base64 application/json attachment.
    public static var xarfJSON: String {
        #"{"Version":"4","ReporterInfo":{"ReporterOrg":"Example CERT","ReporterOrgMail":"cert@cert.example"},"#
            + #""Report":{"ReportClass":"Activity","ReportType":"LoginAttack","Date":"2025-03-04T10:00:00Z","#
            + #""SourceIp":"192.0.2.44","SourcePort":2222,"DestinationIp":"198.51.100.1","Service":"ssh"}}"#
    }

    public static var xarf: [UInt8] {
        bytes(header(subject: "[X-ARF] LoginAttack from 192.0.2.44", id: "xarf-1",
                     extra: "X-XARF: PLAIN\nContent-Type: multipart/mixed; boundary=\"xarf-b\"") + """


            --xarf-b
            Content-Type: text/plain; charset=utf-8

            Automated X-ARF v4 report, see attachment.
            --xarf-b
            Content-Type: application/json; name="xarf.json"
            Content-Disposition: attachment; filename="xarf.json"
            Content-Transfer-Encoding: base64

            \(base64(Array(xarfJSON.utf8)))
            --xarf-b--

            """)
    }

    /// A report forwarded `levels` times, each level wrapping the previous one as message/rfc822.
    public static func forwarded(levels: Int) -> [UInt8] {
        var inner = """
            From: Scanner <root@scan.example>
            To: abuse@isp.example
            Subject: Port scan from 198.51.100.23
            Message-ID: <level-0@scan.example>

            Original evidence: 198.51.100.23 scanned tcp/22.

            """
        for level in 1...max(1, levels) {
            inner = """
                From: Forwarder \(level) <fwd\(level)@isp.example>
                To: incident@cert.example
                Subject: Fwd: level \(level)
                Message-ID: <level-\(level)@isp.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="fwd-\(level)"

                --fwd-\(level)
                Content-Type: text/plain; charset=utf-8

                Forwarding level \(level).
                --fwd-\(level)
                Content-Type: message/rfc822

                \(inner)
                --fwd-\(level)--

                """
        }
        return bytes(inner)
    }

    /// Many small headers, for the header-count bound.
    public static func manyHeaders(_ count: Int) -> [UInt8] {
        var text = "From: a@isp.example\nSubject: headers\n"
        for index in 0..<count { text += "X-Trace-\(index): hop \(index)\n" }
        return bytes(text + "\nbody\n")
    }

    /// One header line of `length` bytes (RFC 5322 section 2.1.1 says at most 998).
    public static func longHeaderLine(_ length: Int) -> [UInt8] {
        let prefix = "X-Long: "
        return bytes("From: a@isp.example\n" + prefix + String(repeating: "x", count: max(0, length - prefix.count))
                     + "\nSubject: long\n\nbody\n")
    }

    /// A flat multipart with `count` text parts, for the part-count bound.
    public static func manyParts(_ count: Int) -> [UInt8] {
        var text = "From: a@isp.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n"
        for index in 0..<count { text += "--p\nContent-Type: text/plain\n\npart \(index)\n" }
        return bytes(text + "--p--\n")
    }
}
