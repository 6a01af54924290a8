import Foundation
import LiaisonCore

/// XARF v4 (`xarf/xarf-spec`, v4.0.0 and later 4.x): one JSON document per report. The field
/// and classification tables are in `schemas/xarf-mapping.md`.
enum XARF4Report {
    /// The members every v4 report has (`xarf-core.json`, `required`).
    static let required = ["report_id", "timestamp", "reporter", "sender", "source_identifier", "category", "type"]
    /// The seven categories, as `RSITTables.xarf4` lists their types.
    static let categories = Set(RSITTables.xarf4.keys.map { String($0.prefix { $0 != "/" }) })
    /// Members naming the offender's network values, observed by their shape, in this order.
    static let offenderLocators = ["url", "infringing_url", "submission_url", "c2_server"]
    /// Members read into observables or dates, so not repeated as description lines.
    static let consumed = Set(offenderLocators).union([
        "xarf_version", "report_id", "timestamp", "reporter", "sender", "source_identifier", "category", "type",
        "evidence", "_internal", "destination_ip", "smtp_from", "smtp_to", "sender_name", "domain", "first_seen", "last_seen",
    ])

    static func map(_ root: [String: Any], part: MailPart, context: MappingContext) -> MapResult {
        let scalar = XARFMapper.scalar
        guard let version = root["xarf_version"] as? String, isVersion4(version) else { return .rejected("xarf-version-unsupported") }
        guard required.allSatisfy({ root[$0] != nil }), let category = scalar(root["category"]), let type = scalar(root["type"]),
            let source = scalar(root["source_identifier"])
        else { return .rejected("xarf-v4-required-member-missing") }
        guard categories.contains(category) else { return .rejected("xarf-v4-category-unknown") }
        let reporter = root["reporter"] as? [String: Any] ?? [:]
        let sender = root["sender"] as? [String: Any] ?? [:]

        var observables = ObservableCollector()
        observables.addNetwork(source, role: .offender)
        observables.addNetwork(scalar(root["destination_ip"]), role: .victim)
        observables.add(.email, scalar(root["smtp_from"]), role: .offender)
        observables.add(.email, scalar(root["smtp_to"]), role: .victim)
        observables.add(.person, scalar(root["sender_name"]), role: .offender)
        for key in offenderLocators { observables.addNetwork(scalar(root[key]), role: .offender) }
        observables.add(.domain, scalar(root["domain"]), role: .offender)
        for contact in [reporter, sender] { observables.add(.email, scalar(contact["contact"]), role: .unknown) }

        var lines = ["XARF v4 report (\(version)): category \(category), type \(type)"]
        if let id = scalar(root["report_id"]) { lines.append("Report id: \(id)") }
        for (label, contact) in [("Reporter", reporter), ("Sender", sender)] {
            if let org = scalar(contact["org"]) { lines.append("\(label): \(org)" + (scalar(contact["domain"]).map { " (\($0))" } ?? "")) }
        }
        if let evidence = root["evidence"] as? [[String: Any]], !evidence.isEmpty {
            let described = evidence.map { item in
                [scalar(item["content_type"]), scalar(item["hash"])].compactMap { $0 }.joined(separator: " ")
            }
            lines.append("Evidence: \(evidence.count) item(s), " + described.joined(separator: "; "))
        }
        lines += XARFMapper.scalarLines(root, skipping: consumed)
        if let note = observables.droppedNote { lines.append(note) }

        let classification = RSITTables.classify(category + "/" + type, in: RSITTables.xarf4, normalise: false)
            ?? RSITTables.classify(type, in: RSITTables.xarfType) ?? RSITTables.classify(category, in: RSITTables.xarfClass)
            ?? .undetermined
        let draft = IncidentDraft(
            naturalKey: "", classification: classification, tlp: context.tlp, title: "XARF v4 \(category)/\(type) report",
            description: lines.joined(separator: "\n"),
            firstSeen: ReportDates.parse(scalar(root["first_seen"]) ?? scalar(root["timestamp"])),
            lastSeen: ReportDates.parse(scalar(root["last_seen"])), observables: observables.observables)
        return MappedReport(draft: draft, from: part, reason: "xarf-v4").mapped
    }

    /// `4.x.y` with decimal numbers (`xarf-core.json`: `^4\.[0-9]+\.[0-9]+$`).
    static func isVersion4(_ version: String) -> Bool {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "4" && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
