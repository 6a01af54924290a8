/// Synthetic reports for the incident mapping (LiaisonMail): one per format and language, plus
/// hostile XML. Documentation names only: RFC 2606 example.{com,net,org}, RFC 5737 / RFC 3849 ranges.
extension MailCorpus {
    /// Every intake message by name, for the mapping tests and the bench mix.
    public static var intake: [(name: String, bytes: [UInt8])] {
        [("arf-provider", arfProvider), ("xarf-v4", xarf), ("xarf-0.2", xarf02), ("iodef", iodefMessage),
         ("cyrillic-1251-fraud", cyrillicFraud), ("turkish-1254-phishing", turkishPhishing),
         ("albanian-fraud", albanianFraud), ("forwarded-arf-3", forwardedARF(levels: 3)),
         ("hostile-xml", hostileXML), ("html-only", htmlOnly)]
    }

    /// RFC 5965 ARF as a mailbox provider sends it: fraud feedback, IPv6 source, reported URI,
    /// Authentication-Results, and the original message with From/To.
    public static var arfProvider: [UInt8] {
        bytes("""
            Received: from fbl.mailbox.example.com (fbl.mailbox.example.com [198.51.100.25]) by mx.cert.example.org; Wed, 05 Mar 2025 07:01:00 +0000
            From: Mailbox FBL <fbl@mailbox.example.com>
            To: abuse@cert.example.org
            Subject: Complaint about message from 2001:db8::bad
            Date: Wed, 05 Mar 2025 07:00:59 +0000
            Message-ID: <fbl-20250305-1@mailbox.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="fbl"

            --fbl
            Content-Type: text/plain; charset=utf-8

            A user reported this message as fraudulent.
            Please investigate the sender.
            --fbl
            Content-Type: message/feedback-report

            Feedback-Type: fraud
            User-Agent: MailboxFBL/2.1
            Version: 1
            Original-Mail-From: <billing@bank-secure.example.net>
            Original-Rcpt-To: <user7@mailbox.example.com>
            Arrival-Date: Wed, 05 Mar 2025 06:58:12 +0100
            Source-IP: 2001:db8::bad
            Reported-Domain: bank-secure.example.net
            Reported-URI: http://bank-secure.example.net/verify
            Authentication-Results: mx.mailbox.example.com; spf=fail smtp.mailfrom=bank-secure.example.net; dkim=none
            Incidents: 1

            --fbl
            Content-Type: message/rfc822

            From: Bank Security <security@bank-secure.example.net>
            To: Ivana Horvat <ivana.horvat@mailbox.example.com>
            Subject: Verify your account
            Message-ID: <orig-1@bank-secure.example.net>

            Click http://bank-secure.example.net/verify now.
            --fbl--

            """)
    }

    /// X-ARF 0.2: human text, flat YAML report, evidence (X-XARF: PLAIN).
    public static var xarf02: [UInt8] {
        multipart(subject: "abuse report about 192.0.2.201 - 2025-03-04", id: "xarf02-1", boundary: "x02",
                  extraHeaders: "X-XARF: PLAIN\n", parts: [
            ("Content-Type: text/plain; charset=utf-8", "Login attacks against our SSH service from 192.0.2.201."),
            ("Content-Type: text/plain; charset=utf-8; name=\"report.txt\"", """
                ---
                Reported-From: reports@honeypot.example.org
                Category: abuse
                Report-Type: login-attack
                Service: ssh
                Version: 0.2
                User-Agent: HoneypotReporter 1.0
                Date: Tue, 04 Mar 2025 11:20:00 +0100
                Source: 192.0.2.201
                Source-Type: ipv4
                Port: 22
                Attachment: text/plain
                Schema-URL: http://www.x-arf.org/schema/abuse_login-attack_0.1.2.json
                """),
            ("Content-Type: text/plain; charset=utf-8; name=\"logfile.log\"",
             "2025-03-04 11:19:58 sshd: Failed password for root from 192.0.2.201 port 40022"),
        ])
    }

    /// Serbian Cyrillic in windows-1251: a fraud report ("превара").
    public static let cyrillicFraudText = """
        Поштовани, пријављујемо превару: лажни продавац на сајту http://oglasi-prodaja.example.com/oglas/77 \
        тражи уплату унапред. Новац је уплаћен са рачуна, продавац се не јавља.
        """
    public static var cyrillicFraud: [UInt8] {
        encodedText(subject: "Пријава", id: "cp1251-fraud", charset: "windows-1251", body: windows1251(cyrillicFraudText))
    }

    /// Turkish in windows-1254: a phishing report ("oltalama"), with a defanged URL.
    public static let turkishPhishingText = """
        Merhaba, bankamızı taklit eden bir oltalama sayfası tespit ettik: hxxps://giris-banka[.]example[.]com/tr \
        Sayfa 203.0.113.45 adresinde barındırılıyor. İlgilenmenizi rica ederiz.
        """
    public static var turkishPhishing: [UInt8] {
        encodedText(subject: "Bildirim [TLP:GREEN]", id: "cp1254-phish", charset: "windows-1254",
                    body: windows1254(turkishPhishingText))
    }

    /// Albanian in windows-1250: a fraud report ("mashtrim").
    public static let albanianFraudText = """
        Përshëndetje, raportojmë një mashtrim me investime në faqen https://fitim-shpejt.example.org/ \
        dhe adresën e-mail kontakt@fitim-shpejt.example.org.
        """
    public static var albanianFraud: [UInt8] {
        encodedText(subject: "Raportim", id: "cp1250-fraud", charset: "windows-1250", body: windows1250(albanianFraudText))
    }

    /// `arfProvider` forwarded `levels` times as message/rfc822, each level with its own note.
    public static func forwardedARF(levels: Int) -> [UInt8] {
        var inner = String(decoding: arfProvider, as: UTF8.self)
        for level in 1...max(1, levels) {
            inner = """
                From: Forwarder \(level) <fwd\(level)@isp.example.net>
                To: incident@cert.example.org
                Subject: Fwd: complaint (level \(level))
                Message-ID: <fwd-arf-\(level)@isp.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="fa-\(level)"

                --fa-\(level)
                Content-Type: text/plain; charset=utf-8

                See the attached complaint, a fraud case (level \(level)).
                --fa-\(level)
                Content-Type: message/rfc822

                \(inner)
                --fa-\(level)--

                """
        }
        return bytes(inner)
    }

    /// An HTML-only phishing report (no text/plain alternative).
    public static var htmlOnly: [UInt8] {
        bytes(header(subject: "Phishing", id: "html-1", extra: "Content-Type: text/html; charset=utf-8") + """


            <html><head><title>x</title><style>p{color:red}</style></head><body>
            <p>Phishing page at <a href="http://login-verify.example.com/">http://login-verify.example.com/</a></p>
            <p>Hosted on 198.51.100.77 &amp; still online.</p><script>alert(1)</script></body></html>

            """)
    }
}
