/// RFC 3156 PGP/MIME messages around a signature or ciphertext made in the test (see `GnuPGHome`).
extension MailCorpus {
    /// multipart/signed (RFC 3156 section 5): `entity` verbatim, then the detached `signature`.
    public static func pgpSigned(entity: String, signature: String) -> [UInt8] {
        MailCorpus.bytes("""
            From: Partner CERT <pgp@partner.example>
            To: incident@cert.example
            Subject: signed report
            Message-ID: <signed-1@partner.example>
            MIME-Version: 1.0
            Content-Type: multipart/signed; micalg=pgp-sha256;
             protocol="application/pgp-signature"; boundary="sig-b"

            --sig-b

            """, crlf: true) + Array(entity.utf8) + MailCorpus.bytes("""

            --sig-b
            Content-Type: application/pgp-signature; name="signature.asc"

            \(signature)
            --sig-b--

            """, crlf: true)
    }

    /// multipart/encrypted (RFC 3156 section 4) with the ASCII-armoured `armored` ciphertext.
    public static func pgpEncrypted(_ armored: String) -> [UInt8] {
        MailCorpus.bytes("""
            From: Partner CERT <pgp@partner.example>
            To: incident@cert.example
            Subject: encrypted report
            MIME-Version: 1.0
            Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc-b"

            --enc-b
            Content-Type: application/pgp-encrypted

            Version: 1

            --enc-b
            Content-Type: application/octet-stream; name="encrypted.asc"

            \(armored)
            --enc-b--

            """, crlf: true)
    }
}
