/// A structured person field that holds a name and then the person's office, firm or town after a
/// separator, as forms and signatures write them: "Olamide Fashola, City of London Police", "Blerta
/// Dashi - Raiffeisen Kosovo", "Qëndrim Haliti (Raiffeisen Bank Kosovo)", "Enver Kazaz | MUP KS".
/// The words after the separator often rule a person out on their own (an organisation word, an
/// acronym), so the name before it is weighed alone.
extension PersonalDataValidator {
    /// The separators between a name and its affiliation; a comma only with a space after it.
    private static let separators: [String] = [", ", " - ", " – ", " — ", " | ", " ("]

    /// The words before the first separator of `value` when they are two or more, or nil: one word
    /// before a comma is a surname before a given name ("Tekeli, Savaş"), which `personRule` reads
    /// whole. A bracket must close at the end of the value.
    static func nameBeforeAffiliation(_ value: String) -> String? {
        var first: (range: Range<String.Index>, separator: String)? = nil
        for separator in separators {
            guard let r = value.range(of: separator), r.lowerBound > value.startIndex else { continue }
            if first.map({ r.lowerBound < $0.range.lowerBound }) ?? true { first = (r, separator) }
        }
        guard let (range, separator) = first, range.upperBound < value.endIndex else { return nil }
        if separator == " (" && (value.last != ")" || value.firstIndex(of: ")") != value.index(before: value.endIndex)) { return nil }
        let head = value[..<range.lowerBound]
        guard head.split(separator: " ").count >= 2 else { return nil }
        return String(head)
    }

    /// True when the name before an affiliation (`nameBeforeAffiliation`) is accepted as a person's
    /// name on its own, shaped as one (1–4 name words or initials).
    static func isAffiliatedPerson(_ value: String) -> Bool {
        guard let head = nameBeforeAffiliation(value) else { return false }
        let (rule, name) = personRule(head)
        return name != nil && PersonFieldModel.accepts(head, rule: rule)
    }
}
