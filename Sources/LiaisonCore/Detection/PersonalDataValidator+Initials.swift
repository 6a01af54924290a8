/// Initials written together in a structured person field ("M.R.", "TOŠIĆ R.V.", "S.M.K."), spaced
/// as the rules read initials ("M. R."). A short legal form written the same way ("A.D.", "A.Ş.",
/// "S.A.") is left as it is, and the organisation word rules then refuse it; so is "N.N." (nomen
/// nescio), the region's placeholder for a person not known.
extension PersonalDataValidator {
    /// `value` with each word of two to four initials written together spaced out.
    static func spacingInitials(_ value: String) -> String {
        guard value.contains(".") else { return value }
        var changed = false
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard let spaced = spacedInitials(word) else { return String(word) }
            changed = true
            return spaced
        }
        return changed ? words.joined(separator: " ") : value
    }

    /// "M. R." for "M.R.": two to four capitals, each with a full stop; nil for anything else or a
    /// legal form or "N.N.".
    private static func spacedInitials(_ word: Substring) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard (4...8).contains(scalars.count), scalars.count % 2 == 0 else { return nil }
        for k in stride(from: 0, to: scalars.count, by: 2) {
            guard PersonNames.isLetter(scalars[k].value), PersonNames.isUpper(scalars[k].value), scalars[k + 1] == "." else { return nil }
        }
        if let letters = PersonBrands.folded(word), letters == "nn" || legalForms.contains(letters) { return nil }
        return stride(from: 0, to: scalars.count, by: 2).map { String(scalars[$0]) + "." }.joined(separator: " ")
    }

    private static let legalForms = Set(NameEvidence.companyForms.split(separator: " ").map(String.init))
}
