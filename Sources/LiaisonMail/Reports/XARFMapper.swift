import Foundation
import LiaisonCore

/// X-ARF as JSON, in both layouts in use (`schemas/xarf-mapping.md` has the field and class
/// tables):
/// - XARF v4 (the `xarf/xarf-spec` repository): `xarf_version` "4.x.y", `report_id`,
///   `timestamp`, `reporter` and `sender` (`org`, `contact`, `domain`), `source_identifier`,
///   `category`, `type`, type-specific members and `evidence`;
/// - the older layout, which v4 calls v3: `{"Version": "3", "ReporterInfo": {…}, "Report":
///   {"ReportClass", "ReportType", "Date", "SourceIp" or "Source": {"IP", "URL"}, …}}` (some
///   senders wrote `Version` 4 in it).
///
/// Either comes as an application/json (or `+json`) part, a *.json attachment, or a text/plain
/// body that is a JSON object.
enum XARFMapper {
    static let maxBytes = 1024 * 1024

    static func isCandidate(_ part: MailPart) -> Bool {
        if part.mimeType == "application/json" || part.mimeType.hasSuffix("+json") { return true }
        if part.filename?.lowercased().hasSuffix(".json") == true { return true }
        guard part.mimeType == "text/plain", let text = part.text?.string else { return false }
        return text.unicodeScalars.first { !$0.properties.isWhitespace } == "{"
    }

    static func map(_ part: MailPart, context: MappingContext) -> MapResult {
        let declaredJSON = part.mimeType != "text/plain"
        let bytes = part.text.map { Array($0.string.utf8) } ?? part.bytes
        guard bytes.count <= maxBytes else { return declaredJSON ? .rejected("json-too-large") : .notApplicable }
        guard let root = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            return declaredJSON ? .rejected("json-malformed") : .notApplicable
        }
        if root["xarf_version"] != nil { return XARF4Report.map(root, part: part, context: context) }
        guard let version = scalar(root["Version"]),
            ["3", "4"].contains(where: { version == $0 || version.hasPrefix($0 + ".") })
        else { return .notApplicable }
        return mapV3(root, version: version, part: part, context: context)
    }

    /// The older layout (v3).
    private static func mapV3(_ root: [String: Any], version: String, part: MailPart, context: MappingContext) -> MapResult {
        guard let body = root["Report"] as? [String: Any] else { return .rejected("xarf-v3-report-missing") }
        let reporter = root["ReporterInfo"] as? [String: Any] ?? [:]
        let source = body["Source"] as? [String: Any] ?? [:]

        let reportClass = scalar(body["ReportClass"])
        let reportType = scalar(body["ReportType"])
        var observables = ObservableCollector()
        observables.addNetwork(
            scalar(body["SourceIp"]) ?? scalar(source["IP"]) ?? scalar(body["Source"]), role: .offender,
            hint: scalar(body["SourceType"]))
        observables.addNetwork(scalar(body["DestinationIp"]), role: .victim)
        observables.add(.url, scalar(body["Url"]) ?? scalar(body["URL"]) ?? scalar(source["URL"]), role: .offender)
        observables.add(.domain, scalar(body["Domain"]), role: .offender)
        for key in ["ReporterOrgMail", "ReporterOrgEmail", "ReporterContactMail", "ReporterContactEmail"] {
            observables.add(.email, scalar(reporter[key]), role: .unknown)
        }
        observables.add(.person, scalar(reporter["ReporterContactName"]), role: .unknown)
        observables.add(.phone, scalar(reporter["ReporterContactPhone"]), role: .unknown)

        var lines = ["X-ARF report (older JSON layout, Version \(version)): class \(reportClass ?? "-"), type \(reportType ?? "-")"]
        if let org = scalar(reporter["ReporterOrg"]) { lines.append("Reporter organisation: \(org)") }
        let consumed: Set = ["ReportClass", "ReportType", "SourceIp", "Source", "DestinationIp", "Url", "URL", "Domain"]
        lines += scalarLines(body, skipping: consumed)
        if let note = observables.droppedNote { lines.append(note) }

        let classification = RSITTables.classify(reportType, in: RSITTables.xarfType)
            ?? RSITTables.classify(reportClass, in: RSITTables.xarfClass) ?? .undetermined
        let draft = IncidentDraft(
            naturalKey: "", classification: classification, tlp: context.tlp,
            title: "X-ARF \(reportClass ?? "report")/\(reportType ?? "unknown") report",
            description: lines.joined(separator: "\n"), firstSeen: ReportDates.parse(scalar(body["Date"])),
            lastSeen: nil, observables: observables.observables)
        return MappedReport(draft: draft, from: part, reason: "xarf-v3-json").mapped
    }

    /// `name: value` for each scalar member (and array of scalars) not in `skipping`, in name
    /// order, each value cut at 500 characters.
    static func scalarLines(_ object: [String: Any], skipping consumed: Set<String>) -> [String] {
        object.keys.sorted().filter { !consumed.contains($0) }.compactMap { key in
            let value = scalar(object[key]) ?? (object[key] as? [Any]).map { $0.compactMap(scalar).joined(separator: ", ") }
            guard let value, !value.isEmpty else { return nil }
            return "\(key): \(value.prefix(500))"
        }
    }

    /// A JSON string, number or boolean as text; nil for null, arrays and objects.
    static func scalar(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string.isEmpty ? nil : string
        case let number as NSNumber: return number.stringValue
        case let int as Int: return String(int)
        case let double as Double: return String(double)
        default: return nil
        }
    }
}

extension MappedReport {
    var mapped: MapResult { .mapped(self) }

    /// One draft from one entity, accepted for `reason`.
    init(draft: IncidentDraft, from part: MailPart, reason: String) {
        self.init(drafts: [(part.path, draft)], outcomes: [PartOutcome(path: part.path, status: .accepted, reason: reason)])
    }
}
