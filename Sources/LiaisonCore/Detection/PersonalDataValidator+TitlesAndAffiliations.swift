/// A structured person field that holds a name among other words, as forms and signatures write
/// it: titles before it ("Mr John Smith", "Dipl. inž. Mijailo Šarac", "Sayın Ayşe Yılmaz") and the
/// person's office, firm or town after a separator ("Olamide Fashola, City of London Police",
/// "Blerta Dashi - Raiffeisen Kosovo", "Qëndrim Haliti (Raiffeisen Bank Kosovo)", "Enver Kazaz | MUP
/// KS"). Those words often rule a person out on their own (an organisation word, an acronym, a title
/// read as a word), so the name within is weighed alone.
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
        // A bracket's only ")" ends the value.
        if separator == " (" && value.firstIndex(of: ")") != value.index(before: value.endIndex) { return nil }
        let head = value[..<range.lowerBound]
        guard head.split(separator: " ").count >= 2 else { return nil }
        return String(head)
    }

    /// `value` without the titles that open it, when two words or more are left, and without the
    /// surname particles between its first and last words ("Pieter van der Berg", "Rhodri ap Iestyn",
    /// `PersonNames.isParticle`), or nil when there are none. A title before one word is a brand's
    /// way (`PersonBrands.isTitledWord`: "Dr. Oetker").
    static func nameAfterTitles(_ value: String) -> String? {
        var words = value.split(separator: " ")
        let count = words.count
        while words.count > 2, PersonBrands.isTitle(words[0]) { words.removeFirst() }
        if words.count > 2 {
            words = [words[0]] + words.dropFirst().dropLast().filter { !PersonNames.isParticle($0) } + [words[words.count - 1]]
        }
        return words.count < count ? words.joined(separator: " ") : nil
    }

    /// True when the name within `value`, without its titles and affiliation, is accepted as a
    /// person's name on its own, shaped as one (1–4 name words or initials); an English word last
    /// refuses it unless a title came before it ("Fraud Operations – Customer Protection", not "Mr
    /// Thomas Pennant").
    static func isPersonWithin(_ value: String) -> Bool {
        let head = nameBeforeAffiliation(value) ?? value
        guard let name = nameAfterTitles(head) ?? (head == value ? nil : head) else { return false }
        let (rule, shaped) = personRule(name)
        let titled = nameWords(head).first.map(PersonBrands.isTitle) ?? false
        return shaped != nil && (titled || !endsInEnglishWord(name)) && PersonFieldModel.accepts(name, rule: rule)
    }
}
