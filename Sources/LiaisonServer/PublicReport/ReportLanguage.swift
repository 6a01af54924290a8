import Foundation

/// The languages the public reporting form speaks, each with its catalogue file
/// (`Web/catalogues/CODE.json`) and the `Accept-Language` tags (RFC 9110 section 12.5.4,
/// BCP 47) that choose it.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case albanian = "sq"
    /// Bosnian, Croatian, Montenegrin and Serbian in Latin script: one catalogue, written so
    /// that speakers of all four read it as their own.
    case bcmsLatin = "sr-Latn"
    case serbianCyrillic = "sr-Cyrl"
    case macedonian = "mk"
    case turkish = "tr"

    /// The language's name in itself, for the switch.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .albanian: "Shqip"
        case .bcmsLatin: "Bosanski / Hrvatski / Crnogorski / Srpski"
        case .serbianCyrillic: "Српски"
        case .macedonian: "Македонски"
        case .turkish: "Türkçe"
        }
    }

    /// The `lang` attribute of a page in this language.
    public var tag: String { rawValue }

    /// The language one BCP 47 tag chooses, if any: `bs`, `hr`, `cnr`, `sh` and any
    /// `sr-Latn…` or `sr-ME` go to the Latin catalogue; `sr` and `sr-Cyrl…` to Cyrillic.
    public static func matching(tag: String) -> ReportLanguage? {
        let subtags = tag.lowercased().split(separator: "-").map(String.init)
        guard let primary = subtags.first else { return nil }
        switch primary {
        case "en": return .english
        case "sq": return .albanian
        case "bs", "hr", "cnr", "sh": return .bcmsLatin
        case "sr": return subtags.contains("latn") || subtags.contains("me") ? .bcmsLatin : .serbianCyrillic
        case "mk": return .macedonian
        case "tr": return .turkish
        default: return nil
        }
    }

    /// The best language for an `Accept-Language` value: the highest `q` among the tags we
    /// speak, ties to the earlier; English when none matches. Reads at most 32 entries.
    public static func negotiate(_ header: String?) -> ReportLanguage {
        guard let header else { return .english }
        var best: (language: ReportLanguage, q: Double)?
        for entry in header.split(separator: ",").prefix(32) {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = matching(tag: tag) else { continue }
            var q = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                q = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
            }
            if q > 0, q > (best?.q ?? 0) { best = (language, q) }
        }
        return best?.language ?? .english
    }
}
