import Foundation
import LiaisonCore

/// A report in prose: the chosen text part is the description, the subject the title.
/// Observables are what `PersonalDataScanner` finds in subject and body (role unknown: prose
/// does not say whose they are); the class comes from the keyword table or is undetermined.
enum FreeTextMapper {
    static func map(subject: String, part: MailPart, context: MappingContext) -> IncidentDraft? {
        let raw = part.text?.string ?? ""
        let body = (part.mimeType == "text/html" ? HTMLText.plainText(raw) : raw).trimmedOfWhitespace
        let title = subject.trimmedOfWhitespace
        guard !body.isEmpty || !title.isEmpty else { return nil }

        var observables = ObservableCollector()
        observables.add(spans: context.scanner.scan(title))
        observables.add(spans: context.scanner.scan(body))
        let result = context.classifier.classify(title, body)

        var description = body
        if let keywordClass = result.keywordClass {
            description += "\n\n[Classified by keyword table: \(keywordClass.rawValue), \(result.hits[keywordClass] ?? 0) hit(s)]"
        }
        return IncidentDraft(
            naturalKey: "", classification: result.classification,
            tlp: result.tlp ?? context.defaultTLP,
            title: title.isEmpty ? String(body.split(whereSeparator: \.isNewline).first?.prefix(200) ?? "E-mail report") : title,
            description: description, firstSeen: nil, lastSeen: nil, observables: observables.observables)
    }
}
