import Foundation
import LiaisonCore

/// X-ARF 0.2: a multipart message of exactly three parts, (1) human-readable text, (2) the report
/// as flat YAML (`Reported-From`, `Category`, `Report-Type`, `Source`, `Source-Type`, `Date`,
/// `Version: 0.2`, …), (3) the evidence. The YAML is read by `FlatYAML` and nothing else.
enum XARF02Mapper {
    /// nil when `part` is not an X-ARF 0.2 container.
    static func map(_ part: MailPart, context: MappingContext) -> MappedReport? {
        let children = part.children
        guard case .multipart = part.content, children.count == 3,
              children[1].children.isEmpty, let yamlText = children[1].text?.string else { return nil }
        let pairs: [(key: String, value: String)]
        do {
            pairs = try FlatYAML.parse(yamlText)
        } catch {
            // Only a rejection when the part is evidently meant as X-ARF; otherwise not ours.
            guard context.hasXARFHeader || yamlText.range(of: "report-type:", options: .caseInsensitive) != nil else { return nil }
            var report = MappedReport()
            report.mark(leavesOf: children[0], .ignored, "xarf-report-rejected")
            report.outcomes.append(PartOutcome(path: children[1].path, status: .rejected, reason: error.rawValue))
            report.mark(leavesOf: children[2], .ignored, "xarf-report-rejected")
            return report
        }
        var fields: [String: String] = [:]
        for pair in pairs { fields[pair.key.lowercased()] = pair.value }
        guard let version = fields["version"], version.hasPrefix("0."), let reportType = fields["report-type"] else { return nil }

        var observables = ObservableCollector()
        observables.addNetwork(fields["source"], role: .offender, hint: fields["source-type"])
        observables.add(.email, fields["reported-from"].flatMap { AddressList.addresses(in: $0).first ?? $0 }, role: .unknown)

        let human = children[0].text?.string.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var lines = human.isEmpty ? [] : [human, ""]
        lines.append("X-ARF \(version) report: category \(fields["category"] ?? "-"), type \(reportType)")
        let consumed: Set = ["source", "reported-from", "category", "report-type", "version"]
        for pair in pairs where !consumed.contains(pair.key.lowercased()) {
            lines.append("\(pair.key): \(pair.value.prefix(500))")
        }
        if let note = observables.droppedNote { lines.append(note) }

        let classification = RSITTables.classify(reportType, in: RSITTables.xarf02Type)
            ?? RSITTables.classify(fields["category"], in: RSITTables.xarfClass) ?? .undetermined
        let firstLine = human.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) }
        let draft = IncidentDraft(
            naturalKey: "", classification: classification, tlp: context.tlp,
            title: firstLine ?? "X-ARF \(version) report (\(reportType))", description: lines.joined(separator: "\n"),
            firstSeen: ReportDates.parse(fields["date"]), lastSeen: nil, observables: observables.observables)

        var report = MappedReport()
        report.drafts.append((part.path, draft))
        report.mark(leavesOf: children[0], .accepted, "xarf-human-readable")
        report.outcomes.append(PartOutcome(path: children[1].path, status: .accepted, reason: "xarf-0.2-yaml"))
        report.mark(leavesOf: children[2], .ignored, "xarf-evidence")
        return report
    }
}
