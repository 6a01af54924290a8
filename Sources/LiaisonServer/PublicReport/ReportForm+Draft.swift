import Foundation
import LiaisonCore

extension ReportCategory {
    /// The incident's title, in English whatever the reporter's language: it is read by the
    /// CERT and the police, not by the reporter.
    var title: String {
        switch self {
        case .phishing: "Public report: phishing (a request for passwords, card or bank details)"
        case .fakeShop: "Public report: fake online shop"
        case .investment: "Public report: investment or trading scam"
        case .impersonation: "Public report: someone posing as a bank, authority, company or relative"
        case .accountTakeover: "Public report: account taken over"
        case .extortion: "Public report: extortion or threats demanding payment"
        case .other: "Public report: other online fraud"
        }
    }
}

extension ReportForm {
    /// The incident draft a checked form becomes: the fraudster's web address, phone, account
    /// and wallet as the offender's observables; the reporter's contact details as the
    /// victim's (so the pipeline's protection puts them in the vault); the account in the
    /// reporter's words as the description, with the amount lost. Call only when
    /// ``problems(maxDescriptionChars:today:)`` is empty.
    public func draft(language: ReportLanguage) -> IncidentDraft {
        let category = values[.category].flatMap(ReportCategory.init(rawValue:)) ?? .other
        var observables: [Observable] = []
        if let website = values[.website].flatMap(Self.website) { observables.append(website) }
        if let phone = values[.phone] { observables.append(Observable(kind: .phone, value: phone, role: .offender)) }
        if let account = values[.account] {
            let kind: ObservableKind = PersonalDataValidator.isValid(account, as: .iban) ? .iban : .other
            observables.append(Observable(kind: kind, value: account, role: .offender))
        }
        if let wallet = values[.wallet] { observables.append(Observable(kind: .cryptoWallet, value: wallet, role: .offender)) }
        if let email = values[.reporterEmail] { observables.append(Observable(kind: .email, value: email, role: .victim)) }
        if let phone = values[.reporterPhone] { observables.append(Observable(kind: .phone, value: phone, role: .victim)) }
        if let name = values[.reporterName] { observables.append(Observable(kind: .person, value: name, role: .victim)) }
        var description = values[.description] ?? ""
        var custody = [
            CustodyField(name: "form_language", content: .verbatim(language.tag)),
            CustodyField(name: "category", content: .verbatim(category.rawValue)),
        ]
        if let amount = values[.amount].flatMap(Self.amount) {
            let lost = "\(amount) \(values[.currency] ?? "EUR")"
            description += "\n\nAmount lost: \(lost)"
            custody.append(CustodyField(name: "amount_lost", content: .verbatim(lost)))
        }
        return IncidentDraft(
            naturalKey: "web-form:\(UUID.random().uuidString.lowercased())", classification: category.classification, tlp: .amber,
            title: category.title, description: description, firstSeen: values[.date].flatMap(Self.date), lastSeen: nil,
            observables: observables, custody: custody)
    }
}
