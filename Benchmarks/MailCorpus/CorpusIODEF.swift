/// IODEF 2.0 (RFC 7970) documents, benign and hostile, and messages carrying them.
extension MailCorpus {
    /// SHA-256 of the empty string, as XML-DSig base64 and as hex.
    public static let emptySHA256Base64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    public static let emptySHA256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// A full incident: times, description, assessment, nested contacts, source/target flow, indicators.
    public static let iodefDocument = """
        <?xml version="1.0" encoding="UTF-8"?>
        <IODEF-Document version="2.00" xml:lang="en" xmlns="urn:ietf:params:xml:ns:iodef-2.0"
            xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
          <Incident purpose="reporting" restriction="red">
            <IncidentID name="csirt.example.org">INC-2025-0042</IncidentID>
            <DetectTime>2025-03-04T08:30:00+00:00</DetectTime>
            <StartTime>2025-03-04T08:00:00Z</StartTime>
            <EndTime>2025-03-04T09:45:00Z</EndTime>
            <GenerationTime>2025-03-04T10:00:00Z</GenerationTime>
            <Description>Credential phishing site &amp; account takeover</Description>
            <Assessment>
              <SystemImpact type="takeover-account" severity="high" completion="succeeded">
                <Description>Customer accounts taken over</Description>
              </SystemImpact>
            </Assessment>
            <Contact role="creator" type="organization">
              <ContactName>Example CSIRT</ContactName>
              <Email><EmailTo>csirt@csirt.example.org</EmailTo></Email>
              <Contact role="tech" type="person">
                <ContactName>Ana Petrović</ContactName>
                <Email><EmailTo>ana.petrovic@csirt.example.org</EmailTo></Email>
              </Contact>
            </Contact>
            <EventData>
              <Flow>
                <System category="source">
                  <Node>
                    <DomainData><Name>phish.example.com</Name></DomainData>
                    <Address category="ipv4-addr">203.0.113.66</Address>
                    <Address category="site-uri">http://phish.example.com/login</Address>
                  </Node>
                </System>
                <System category="target">
                  <Node>
                    <Address category="ipv6-addr">2001:db8::25</Address>
                    <Address category="e-mail">victim@bank.example.net</Address>
                  </Node>
                </System>
              </Flow>
            </EventData>
            <IndicatorData>
              <Indicator>
                <IndicatorID name="csirt.example.org" version="1">IND-1</IndicatorID>
                <Observable><Address category="ipv4-addr">198.51.100.99</Address></Observable>
                <Observable><DomainData><Name>login-bank.example.com</Name></DomainData></Observable>
                <Observable><EmailData><EmailFrom>support@login-bank.example.com</EmailFrom></EmailData></Observable>
                <Observable><FileData><File><FileName>invoice.pdf.exe</FileName>
                  <HashData scope="file-contents"><Hash>
                    <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                    <ds:DigestValue>\(emptySHA256Base64)</ds:DigestValue>
                  </Hash></HashData></File></FileData></Observable>
              </Indicator>
            </IndicatorData>
          </Incident>
        </IODEF-Document>
        """

    /// Billion laughs (nested internal entities, XML 1.0 section 4.2).
    public static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <IODEF-Document version="2.00" xmlns="urn:ietf:params:xml:ns:iodef-2.0"><Incident>&lol9;</Incident></IODEF-Document>
        """

    /// An external entity (XXE) pointing at a local file.
    public static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE IODEF-Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <IODEF-Document version="2.00" xmlns="urn:ietf:params:xml:ns:iodef-2.0">
          <Incident purpose="reporting"><IncidentID name="x.example.org">&xxe;</IncidentID></Incident>
        </IODEF-Document>
        """

    /// A harmless DOCTYPE with no entities: still refused.
    public static let plainDoctype = """
        <?xml version="1.0"?>
        <!DOCTYPE IODEF-Document>
        <IODEF-Document version="2.00" xmlns="urn:ietf:params:xml:ns:iodef-2.0"><Incident/></IODEF-Document>
        """

    /// A valid IODEF document whose deepest element sits at `depth` (root is depth 1).
    public static func deepIODEF(depth: Int) -> String {
        let nesting = max(0, depth - 3)
        return """
            <IODEF-Document version="2.00" xmlns="urn:ietf:params:xml:ns:iodef-2.0"><Incident purpose="reporting">\
            <IncidentID name="deep.example.org">DEEP-\(depth)</IncidentID><GenerationTime>2025-03-04T10:00:00Z</GenerationTime>\
            <AdditionalData dtype="xml">\(String(repeating: "<x>", count: nesting))\(String(repeating: "</x>", count: nesting))\
            </AdditionalData></Incident></IODEF-Document>
            """
    }

    /// A message with `xml` documents as base64 application/xml attachments after a text part.
    public static func withXMLAttachments(_ documents: [String], id: String, text: String = "IODEF attached.") -> [UInt8] {
        multipart(subject: "IODEF report", id: id, boundary: "iodef-b",
                  parts: [("Content-Type: text/plain; charset=utf-8", text)] + documents.enumerated().map { index, xml in
                      ("Content-Type: application/xml; name=\"incident\(index).xml\"\n"
                           + "Content-Disposition: attachment; filename=\"incident\(index).xml\"\n"
                           + "Content-Transfer-Encoding: base64", base64(Array(xml.utf8)))
                  })
    }

    public static var iodefMessage: [UInt8] { withXMLAttachments([iodefDocument], id: "iodef-1") }

    /// Bomb and XXE next to a valid IODEF: the hostile parts refuse the whole message.
    public static var hostileXML: [UInt8] {
        withXMLAttachments([billionLaughs, externalEntity, iodefDocument], id: "hostile-1")
    }
}
