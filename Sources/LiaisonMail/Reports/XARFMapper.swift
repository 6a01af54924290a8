import Foundation
import LiaisonCore

/// X-ARF v4 (abusix X-ARF, JSON): `{"Version": "4", "ReporterInfo": {…}, "Report": {"ReportClass",
/// "ReportType", "Date" (RFC 3339), "SourceIp", "SourcePort", "SourceType", …}}` in an
/// application/json part, a *.json attachment, or a text/plain body that is a JSON object.
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
        guard let version = scalar(root["Version"]), version == "4" || version.hasPrefix("4.") else { return .notApplicable }
        guard let body = root["Report"] as? [String: Any] else { return .rejected("xarf-v4-report-missing") }
        let reporter = root["ReporterInfo"] as? [String: Any] ?? [:]

        let reportClass = scalar(body["ReportClass"])
        let reportType = scalar(body["ReportType"])
        var observables = ObservableCollector()
        observables.addNetwork(scalar(body["SourceIp"]) ?? scalar(body["Source"]), role: .offender, hint: scalar(body["SourceType"]))
        observables.addNetwork(scalar(body["DestinationIp"]), role: .victim)
        observables.add(.url, scalar(body["Url"]) ?? scalar(body["URL"]), role: .offender)
        observables.add(.domain, scalar(body["Domain"]), role: .offender)
        for key in ["ReporterOrgMail", "ReporterOrgEmail", "ReporterContactMail", "ReporterContactEmail"] {
            observables.add(.email, scalar(reporter[key]), role: .unknown)
        }
        observables.add(.person, scalar(reporter["ReporterContactName"]), role: .unknown)
        observables.add(.phone, scalar(reporter["ReporterContactPhone"]), role: .unknown)

        var lines = ["X-ARF v4 report: class \(reportClass ?? "-"), type \(reportType ?? "-")"]
        if let org = scalar(reporter["ReporterOrg"]) { lines.append("Reporter organisation: \(org)") }
        let consumed: Set = ["ReportClass", "ReportType", "SourceIp", "Source", "DestinationIp", "Url", "URL", "Domain"]
        for key in body.keys.sorted() where !consumed.contains(key) {
            if let value = scalar(body[key]) { lines.append("\(key): \(value.prefix(500))") }
        }
        if let note = observables.droppedNote { lines.append(note) }

        let classification = RSITTables.classify(reportType, in: RSITTables.xarfType)
            ?? RSITTables.classify(reportClass, in: RSITTables.xarfClass) ?? .undetermined
        let draft = IncidentDraft(
            naturalKey: "", classification: classification, tlp: context.tlp,
            title: "X-ARF v4 \(reportClass ?? "report")/\(reportType ?? "unknown") report",
            description: lines.joined(separator: "\n"), firstSeen: ReportDates.parse(scalar(body["Date"])),
            lastSeen: nil, observables: observables.observables)
        var report = MappedReport()
        report.drafts.append((part.path, draft))
        report.outcomes.append(PartOutcome(path: part.path, status: .accepted, reason: "xarf-v4-json"))
        return report.mapped
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
}
