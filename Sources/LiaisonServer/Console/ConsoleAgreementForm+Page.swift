import Foundation
import LiaisonCore

/// The editor form as the `console-editor` template's values, with each problem of the
/// document (a JSON Pointer into it, as the admin API answers) shown at the field that holds
/// that part, and the problems no field holds in the summary at the top.
extension ConsoleAgreementForm {
    /// Fields that show their own problems, and the document parts (JSON Pointers) they hold.
    static let fieldPointers: [(field: String, pointer: String)] = [
        ("id", "/id"), ("producer", "/producer"), ("consumer", "/consumer"), ("title", "/title"),
        ("taxonomies", "/match/taxonomies"), ("offences", "/match/offences"), ("max_tlp", "/match/max_tlp"), ("taxonomies", "/match"),
        ("fields", "/share/fields"), ("webhook_url", "/webhook/url"), ("webhook_secret", "/webhook/secret"),
        ("pseudonym_key", "/pseudonym_key"), ("valid_from", "/valid_from"), ("valid_until", "/valid_until"), ("contacts", "/contacts"),
    ]
    /// Every field with an error list in the template.
    static let fieldNames = ["id", "producer", "consumer", "title", "taxonomies", "offences", "max_tlp", "fields", "webhook_url",
        "webhook_secret", "pseudonym_key", "valid_from", "valid_until", "contacts", "rest"]

    /// Where the summary's link to a field leads, when not to the field's own control.
    static let anchors = ["taxonomies": "match", "offences": "match", "fields": "fields-field", "contacts": "contacts"]

    /// A field's name in the summary.
    static func label(_ field: String) -> String {
        if field.hasPrefix("pd-") { return "Personal data, " + field.dropFirst(3) }
        if field.hasPrefix("iep-") { return iepChoices.first { "iep-" + $0.key == field }?.label ?? field }
        let labels = [
            "id": "Agreement id", "producer": "Producer", "consumer": "Consumer", "title": "Title", "taxonomies": "Which incidents",
            "offences": "Offences", "max_tlp": "Most restrictive TLP", "fields": "Incident fields", "webhook_url": "Webhook URL",
            "webhook_secret": "Webhook secret", "pseudonym_key": "Pseudonym key", "valid_from": "Valid from", "valid_until": "Valid until",
            "contacts": "Contacts", "rest": "The rest of the document (YAML)",
        ]
        return labels[field] ?? field
    }

    /// The field that shows a problem at `pointer`: a form field, a personal-data kind or IEP
    /// choice (`pd-KIND`, `iep-KEY`), the YAML view (`rest`) for the parts it holds, or nil
    /// (the summary) for a problem of the whole document.
    func field(for pointer: String) -> String? {
        if pointer == Self.restPointer { return "rest" }
        func under(_ prefix: String) -> Bool {
            pointer == prefix || pointer.hasPrefix(prefix + "/") || pointer.hasPrefix(prefix + "[")
        }
        let personal = "/share/personal_data/"
        if pointer.hasPrefix(personal) {
            let kind = String(pointer.dropFirst(personal.count).prefix { $0 != "/" })
            return personalData[kind] != nil ? "pd-" + kind : "rest"
        }
        for choice in Self.iepChoices where under("/iep/" + choice.key) { return "iep-" + choice.key }
        for (field, prefix) in Self.fieldPointers where under(prefix) { return field }
        // Anything else inside the document lives in the YAML view.
        return pointer.hasPrefix("/") && pointer.count > 1 ? "rest" : nil
    }

    /// The template's values: the form as entered (secrets never echoed), and `problems`
    /// placed at their fields.
    func values(problems: [Problem.Item]) -> [String: Any] {
        var atField: [String: [String]] = [:]
        var summary: [[String: Any]] = []
        for problem in problems {
            if let field = field(for: problem.pointer) {
                let reason = problem.pointer.hasPrefix("/") ? "\(problem.pointer): \(problem.reason)" : problem.reason
                atField[field, default: []].append(reason)
                summary.append(["reason": reason, "target": Self.anchors[field] ?? field, "label": Self.label(field)])
            } else {
                summary.append(["reason": problem.reason])
            }
        }
        func checks(_ name: String, _ all: [String], _ chosen: Set<String>) -> [[String: Any]] {
            all.map { value -> [String: Any] in ["value": value, "id": "\(name)-\(value)", "checked": chosen.contains(value)] }
        }
        func options(_ all: [String], _ chosen: String?, none: String) -> [[String: Any]] {
            let unset: [String: Any] = ["value": "", "label": none, "selected": chosen == nil]
            return [unset] + all.map { value -> [String: Any] in ["value": value, "label": value, "selected": value == chosen] }
        }
        var values: [String: Any] = [
            "id": id, "producer": producer, "consumer": consumer, "agreement_title": title, "webhook_url": webhookURL, "valid_from": validFrom,
            "valid_until": validUntil, "rest": rest, "keep_secrets": keepSecrets,
            "taxonomies": checks("taxonomy", RSIT.types.keys.sorted(), taxonomies),
            "offences": checks("offence", Offence.allCases.map(\.rawValue), offences),
            "fields": checks("field", IncidentField.allCases.map(\.rawValue), fields),
            "tlps": options(Self.maxTLPs, maxTLP.isEmpty ? nil : maxTLP.lowercased(), none: "not set (iep.tlp gives it)"),
            "personal": PersonalDataKind.allCases.map { kind -> [String: Any] in
                [
                    "kind": kind.rawValue, "options": options(RenderAction.allCases.map(\.rawValue), personalData[kind.rawValue], none: "not named here (dropped)"),
                    "errors": atField["pd-" + kind.rawValue] ?? [], "has_errors": atField["pd-" + kind.rawValue] != nil,
                ]
            },
            "iep": Self.iepChoices.map { choice -> [String: Any] in
                ["key": choice.key, "label": choice.label, "options": options(choice.values, iep[choice.key], none: "not set"),
                 "errors": atField["iep-" + choice.key] ?? [], "has_errors": atField["iep-" + choice.key] != nil]
            },
            "contacts": (0..<Self.contactRows).map { row -> [String: Any] in
                let contact = row < contacts.count ? contacts[row] : [:]
                var cells: [String: Any] = ["row": row, "number": row + 1]
                for key in Self.contactKeys.dropFirst() { cells[key] = contact[key] ?? "" }
                cells["parties"] = ["producer", "consumer"].map { party -> [String: Any] in ["value": party, "selected": contact["party"] == party] }
                return cells
            },
            "summary": summary, "problem_count": problems.count, "has_problems": !problems.isEmpty,
        ]
        for name in Self.fieldNames {
            let errors = atField[name] ?? []
            values["error_" + name] = errors
            values["invalid_" + name] = !errors.isEmpty
        }
        return values
    }
}
