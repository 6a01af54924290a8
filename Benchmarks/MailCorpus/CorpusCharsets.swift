extension MailCorpus {
    /// Serbian Cyrillic in windows-1251, quoted-printable (RFC 2045 section 6.7).
    public static let serbianCyrillic = "Пријава злоупотребе: скенирање портова са адресе 192.0.2.15, ђ ј љ њ ћ џ"
    public static var cyrillic1251QP: [UInt8] {
        bytes(header(subject: "Prijava", id: "cp1251-1",
                     extra: "Content-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: quoted-printable") + """


            =CF=F0=E8=BC=E0=E2=E0 =E7=EB=EE=F3=EF=EE=F2=F0=E5=E1=E5: =F1=EA=E5=ED=E8=F0=
            =E0=9C=E5 =EF=EE=F0=F2=EE=E2=E0 =F1=E0 =E0=E4=F0=E5=F1=E5 192.0.2.15, =90 =
            =BC =9A =9C =9E =9F

            """)
    }

    /// RFC 2047 Q-encoded subject in ISO-8859-2, split over two encoded-words and folded.
    public static let serbianLatinSubject = "Upozorenje: napad čćđšž sa adrese 198.51.100.7"
    public static var subjectISO88592: [UInt8] {
        bytes(header(subject: "=?iso-8859-2?q?Upozorenje=3A_napad_=E8=E6=F0=B9=BE_sa_adrese_198=2E51=2E100?=\n =?iso-8859-2?q?=2E7?=",
                     id: "l2-1", extra: "Content-Type: text/plain; charset=us-ascii") + "\n\nSee subject.\n")
    }

    /// Turkish in windows-1254, base64 (RFC 2045 section 6.8), CRLF line ends.
    public static let turkish = "Şüpheli oturum açma girişimi tespit edildi: ğ ü ş ı ö ç İ Ğ Ü Ş"
    public static var turkish1254: [UInt8] {
        bytes(header(subject: "=?utf-8?B?xZ7DvHBoZWxpIG90dXJ1bQ==?=", id: "cp1254-1",
                     extra: "Content-Type: text/plain; charset=\"windows-1254\"\nContent-Transfer-Encoding: base64") + """


            3vxwaGVsaSBvdHVydW0gYedtYSBnaXJp/mltaSB0ZXNwaXQgZWRpbGRpOiDwIPwg/iD9IPYg5yDdINAg3CDe

            """, crlf: true)
    }

    /// Russian in KOI8-R and Macedonian in ISO-8859-5, one part each; plus Albanian in windows-1250.
    public static let russian = "Жалоба на спам с адреса 192.0.2.77, ёЁ"
    public static let macedonian = "Пријава: напад од адреса 198.51.100.4, ѓ ќ ѕ Ѓ Ќ Ѕ"
    public static let albanian = "Raportim abuzimi: sulm nga adresa 203.0.113.9, ë ç Ë Ç"
    public static var koi8rAndISO88595: [UInt8] {
        bytes(header(subject: "charsets", id: "koi8-1", extra: "Content-Type: multipart/alternative; boundary=cs") + """


            --cs
            Content-Type: text/plain; charset=KOI8-R
            Content-Transfer-Encoding: base64

            9sHMz8LBIM7BINPQwc0g0yDBxNLF08EgMTkyLjAuMi43Nywgo7M=
            --cs
            Content-Type: text/plain; charset=iso-8859-5
            Content-Transfer-Encoding: base64

            v+DY+NDS0Dog3dDf0NQg3tQg0NTg1eHQIDE5OC41MS4xMDAuNCwg8yD8IPUgoyCsIKU=
            --cs
            Content-Type: text/plain; charset=windows-1250
            Content-Transfer-Encoding: quoted-printable

            Raportim abuzimi: sulm nga adresa 203.0.113.9, =EB =E7 =CB =C7
            --cs--

            """)
    }

    /// text/plain with no charset parameter and 8-bit windows-1250 bytes (Albanian ë/ç).
    public static var missingCharset: [UInt8] {
        bytes(header(subject: "no charset", id: "nocs-1", extra: "Content-Type: text/plain\nContent-Transfer-Encoding: 8bit") + "\n\n")
            + [0x52, 0x61, 0x70, 0x6F, 0x72, 0x74, 0x3A, 0x20, 0xEB, 0x20, 0xE7, 0x0A]
    }

    /// Declares us-ascii but carries UTF-8 bytes ("ü"), a common mislabel.
    public static var wrongCharset: [UInt8] {
        bytes(header(subject: "wrong charset", id: "wrongcs-1",
                     extra: "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 8bit") + "\n\nZürich Bericht ü\n")
    }
}
