import Foundation
import LiaisonCore

/// IODEF 2.0, RFC 7970: an XML attachment whose root is `IODEF-Document` in namespace
/// urn:ietf:params:xml:ns:iodef-2.0. Read with `SafeXML` only (no DTD, no entities, depth ≤ 64);
/// an XML part with a DTD or entity declaration is `hostile`, which refuses the whole message.
/// Each `Incident` (section 3.2) becomes one draft.
enum IODEFMapper {
    static let namespace = "urn:ietf:params:xml:ns:iodef-2.0"

    static func isCandidate(_ part: MailPart) -> Bool {
        let type = part.mimeType
        return type == "application/xml" || type == "text/xml" || type.hasSuffix("+xml")
            || part.filename?.lowercased().hasSuffix(".xml") == true
    }

    static func map(_ part: MailPart, context: MappingContext) -> MapResult {
        let root: XMLElement
        do { root = try SafeXML.parse(part.bytes) } catch { return error.isHostile ? .hostile(error.rawValue) : .rejected(error.rawValue) }
        guard root.localName == "IODEF-Document" else { return .notApplicable }
        let xmlns = root.prefix.map { "xmlns:\($0)" } ?? "xmlns"
        guard root.attribute(xmlns) == namespace else { return .rejected("iodef-namespace-unsupported") }
        let incidents = root.children("Incident")
        guard !incidents.isEmpty else { return .rejected("iodef-no-incident") }

        var report = MappedReport()
        for (index, incident) in incidents.enumerated() {
            let locator = incidents.count == 1 ? part.path : part.path + "/incident/\(index)"
            let tlp = restrictionTLP(incident.attribute("restriction") ?? root.attribute("restriction")) ?? context.tlp
            report.drafts.append((locator, draft(incident, tlp: tlp, context: context)))
        }
        report.outcomes.append(PartOutcome(path: part.path, status: .accepted, reason: "iodef-2.0"))
        return .mapped(report)
    }

    /// RFC 7970 section 3.3.1 restriction: the TLP colours map one to one; "private",
    /// "need-to-know", "public" and "default" are not TLP and leave the message's TLP.
    static func restrictionTLP(_ value: String?) -> TLP? {
        switch value?.lowercased() {
        case "white", "clear": .clear
        case "green": .green
        case "amber": .amber
        case "red": .red
        default: nil
        }
    }

    private static func draft(_ incident: XMLElement, tlp: TLP, context: MappingContext) -> IncidentDraft {
        var observables = ObservableCollector()
        var lines: [String] = []
        let incidentID = incident.child("IncidentID")
        let id = incidentID?.text.trimmedOfWhitespace ?? "-"
        lines.append("IODEF incident \(incidentID?.attribute("name") ?? "-"): \(id)")
        if let generated = incident.child("GenerationTime")?.text.trimmedOfWhitespace { lines.append("Generation time: \(generated)") }
        let descriptions = incident.children("Description").map(\.text.trimmedOfWhitespace).filter { !$0.isEmpty }
        lines += descriptions

        // Assessment (section 3.12): impacts give the class when the table knows the type.
        var classification: Classification?
        for assessment in incident.children("Assessment") {
            for impact in assessment.children where impact.localName.hasSuffix("Impact") {
                let attributes = impact.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
                lines.append("Assessment \(impact.localName): \(attributes)")
                if impact.localName == "SystemImpact", classification == nil {
                    classification = RSITTables.classify(impact.attribute("type"), in: RSITTables.iodefSystemImpact, normalise: false)
                }
                lines += impact.children("Description").map { "  \($0.text.trimmedOfWhitespace)" }
            }
        }
        if classification == nil, !descriptions.isEmpty {
            classification = context.classifier.classify(descriptions.joined(separator: "\n")).keywordClass?.classification
        }

        // Contact (section 3.9): names and e-mail addresses are personal data with no known role.
        for contact in incident.descendants("Contact") {
            lines.append("Contact: role=\(contact.attribute("role") ?? "-"), type=\(contact.attribute("type") ?? "-")")
            contact.children("ContactName").forEach { observables.add(.person, $0.text, role: .unknown) }
            for email in contact.children("Email") {
                let addresses = email.children("EmailTo").map(\.text)
                (addresses.isEmpty ? [email.text] : addresses).forEach { observables.add(.email, $0, role: .unknown) }
            }
            for phone in contact.children("Telephone") {
                let numbers = phone.children("TelephoneNumber").map(\.text)
                (numbers.isEmpty ? [phone.text] : numbers).forEach { observables.add(.phone, $0, role: .unknown) }
            }
        }

        // EventData/Flow/System (sections 3.14-3.17): source is the offender, target the victim.
        for eventData in incident.descendants("EventData") {
            for system in eventData.children("Flow").flatMap({ $0.children("System") }) {
                let role: ObservableRole = switch system.attribute("category") {
                case "source": .offender
                case "target": .victim
                case "intermediate", "infrastructure": .infrastructure
                default: .unknown
                }
                for node in system.children("Node") { addNode(node, role: role, to: &observables) }
            }
        }

        // IndicatorData/Indicator/Observable (sections 3.29-3.30): indicators are the offender's.
        for observable in incident.descendants("Indicator").flatMap({ $0.descendants("Observable") }) {
            addNode(observable, role: .offender, to: &observables)
            observable.descendants("EmailFrom").forEach { observables.add(.email, $0.text, role: .offender) }
            observable.descendants("FileName").forEach { observables.add(.fileName, $0.text, role: .offender) }
            for hash in observable.descendants("Hash") {
                if let (kind, hex) = digest(hash) { observables.add(kind, hex, role: .offender) }
            }
        }
        if let note = observables.droppedNote { lines.append(note) }

        let firstSeen = ReportDates.parse(incident.child("StartTime")?.text ?? incident.child("DetectTime")?.text)
        return IncidentDraft(
            naturalKey: "", classification: classification ?? .undetermined, tlp: tlp,
            title: descriptions.first.flatMap { $0.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) } }
                ?? "IODEF incident \(id)",
            description: lines.joined(separator: "\n"), firstSeen: firstSeen,
            lastSeen: ReportDates.parse(incident.child("EndTime")?.text), observables: observables.observables)
    }

    /// Address (section 3.18, by its category) and DomainData/Name (section 3.19) under `element`.
    private static func addNode(_ element: XMLElement, role: ObservableRole, to observables: inout ObservableCollector) {
        for address in element.descendants("Address") {
            switch address.attribute("category") ?? "" {
            case "ipv4-addr": observables.add(.ipv4, address.text, role: role)
            case "ipv6-addr": observables.add(.ipv6, address.text, role: role)
            case "e-mail": observables.add(.email, address.text, role: role)
            case "site-uri", "url", "uri": observables.add(.url, address.text, role: role)
            case "asn": observables.add(.asn, address.text, role: role)
            case "": observables.addNetwork(address.text, role: role)
            default: observables.add(.other, address.text, role: role)  // nets, masks, mac, atm, ext-value
            }
        }
        for domain in element.descendants("DomainData") {
            domain.children("Name").forEach { observables.add(.domain, $0.text, role: role) }
        }
    }

    /// Hash/DigestMethod@Algorithm + DigestValue (base64, XML-DSig) → observable kind and hex.
    private static func digest(_ hash: XMLElement) -> (ObservableKind, String)? {
        guard let algorithm = hash.descendants("DigestMethod").first?.attribute("Algorithm"),
              let value = hash.descendants("DigestValue").first?.text.trimmedOfWhitespace,
              let data = Data(base64Encoded: value) else { return nil }
        let kind: ObservableKind
        switch (algorithm.lowercased(), data.count) {
        case let (a, 32) where a.hasSuffix("sha256"): kind = .hashSHA256
        case let (a, 20) where a.hasSuffix("sha1"): kind = .hashSHA1
        case let (a, 16) where a.hasSuffix("md5"): kind = .hashMD5
        default: return nil
        }
        return (kind, data.hexString)
    }
}
