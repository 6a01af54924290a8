import Foundation
import LiaisonCore

/// Abuse Reporting Format, RFC 5965: a multipart/report (RFC 6522) with report-type
/// feedback-report holding (1) a human-readable part, (2) a message/feedback-report part of
/// header-style fields (section 3), (3) the original message (message/rfc822) or its header
/// (text/rfc822-headers). One report is one incident.
enum ARFMapper {
    /// nil when `part` is not an ARF report container (or has no message/feedback-report part).
    static func map(_ part: MailPart, context: MappingContext) -> MappedReport? {
        guard part.mimeType == "multipart/report",
              part.parameter("report-type")?.lowercased() == "feedback-report",
              let feedbackPart = part.children.first(where: { $0.mimeType == "message/feedback-report" })
        else { return nil }
        var report = MappedReport()
        let fields = HeaderFields(feedbackPart.text?.string ?? String(decoding: feedbackPart.bytes, as: UTF8.self))
        let feedbackType = fields.first("Feedback-Type")?.lowercased()

        guard let feedbackType else {
            report.outcomes.append(PartOutcome(path: part.path, status: .rejected, reason: "arf-feedback-type-missing"))
            part.children.forEach { report.mark(leavesOf: $0, .ignored, "arf-report-rejected") }
            return report
        }
        // RFC 6430 "not-spam": the recipient withdraws a complaint; nothing to report.
        let isRetraction = feedbackType == "not-spam"
        report.outcomes.append(PartOutcome(path: part.path, status: isRetraction ? .ignored : .accepted,
                                           reason: isRetraction ? "arf-not-spam-retraction" : "arf-report"))

        let human = part.children.first.flatMap { $0.mimeType.hasPrefix("text/") ? $0 : nil }
        let original = part.children.first { $0.mimeType == "message/rfc822" || $0.mimeType == "text/rfc822-headers" }
        for child in part.children {
            let status: PartOutcome.Status = isRetraction ? .ignored : .accepted
            if child.path == feedbackPart.path {
                report.outcomes.append(PartOutcome(path: child.path, status: status, reason: "arf-feedback-fields"))
            } else if child.path == human?.path {
                report.outcomes.append(PartOutcome(path: child.path, status: status, reason: "arf-human-readable"))
            } else if child.path == original?.path {
                report.outcomes.append(PartOutcome(path: child.path, status: status, reason: "arf-original-message"))
                if child.message != nil { report.mark(leavesOf: child.children[0], .ignored, "arf-original-message-content") }
            } else {
                report.mark(leavesOf: child, .ignored, "arf-extra-part")
            }
        }
        if isRetraction { return report }

        var observables = ObservableCollector()
        fields.values("Source-IP").forEach { observables.addNetwork($0, role: .offender) }
        fields.values("Reported-Domain").forEach { observables.add(.domain, $0, role: .offender) }
        for uri in fields.values("Reported-URI") {
            if uri.lowercased().hasPrefix("mailto:") {
                observables.add(.email, String(uri.dropFirst(7)), role: .offender)
            } else {
                observables.add(.url, uri, role: .offender)
            }
        }
        fields.values("Original-Mail-From").flatMap(AddressList.addresses).forEach { observables.add(.email, $0, role: .offender) }
        fields.values("Original-Rcpt-To").flatMap(AddressList.addresses).forEach { observables.add(.email, $0, role: .victim) }
        if let original {
            let (from, to) = originalAddresses(original)
            from.forEach { observables.add(.email, $0, role: .offender) }
            to.forEach { observables.add(.email, $0, role: .victim) }
        }

        let humanText = human?.text?.string.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var lines = humanText.isEmpty ? [] : [humanText, ""]
        lines.append("Feedback-Type: \(feedbackType)")
        for name in ["User-Agent", "Version", "Incidents", "Authentication-Results"] {
            lines += fields.values(name).map { "\(name): \($0)" }
        }
        if let note = observables.droppedNote { lines.append(note) }

        let firstLine = humanText.split(whereSeparator: \.isNewline).first.map { String($0.prefix(200)) }
        let draft = IncidentDraft(
            naturalKey: "", classification: RSITTables.classify(feedbackType, in: RSITTables.feedbackType, normalise: false)
                ?? .undetermined,
            tlp: context.tlp, title: firstLine ?? "ARF feedback report (\(feedbackType))",
            description: lines.joined(separator: "\n"),
            firstSeen: ReportDates.parse(fields.first("Arrival-Date") ?? fields.first("Received-Date")),
            lastSeen: nil, observables: observables.observables)
        report.drafts.append((part.path, draft))
        return report
    }

    /// From and To of the original message (RFC 5965 section 2 item 3): parsed by GMime for
    /// message/rfc822, read from the header block for text/rfc822-headers.
    private static func originalAddresses(_ part: MailPart) -> (from: [String], to: [String]) {
        if let message = part.message {
            return (message.from.map(\.address), message.to.map(\.address))
        }
        let fields = HeaderFields(part.text?.string ?? "")
        return (fields.values("From").flatMap(AddressList.addresses), fields.values("To").flatMap(AddressList.addresses))
    }
}
