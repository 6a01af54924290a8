import Foundation

/// The public form's words, one catalogue per language (`Web/catalogues/CODE.json`, a flat
/// JSON object of key to text), read once from the bundle. English is the reference: every
/// other catalogue must have exactly its keys (a test checks), and a key a catalogue lacks
/// falls back to English rather than showing nothing.
public struct ReportCatalogues: Sendable {
    public let entries: [ReportLanguage: [String: String]]

    /// The bundled catalogues; none if the bundle cannot be read (a broken build: pages then
    /// show keys, and the catalogue tests fail).
    public static let shared = (try? ReportCatalogues()) ?? ReportCatalogues(entries: [:])

    init(entries: [ReportLanguage: [String: String]]) { self.entries = entries }

    init() throws {
        guard let directory = Bundle.module.url(forResource: "Web", withExtension: nil)?.appendingPathComponent("catalogues") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Web/catalogues"])
        }
        var entries: [ReportLanguage: [String: String]] = [:]
        for language in ReportLanguage.allCases {
            let data = try Data(contentsOf: directory.appendingPathComponent("\(language.rawValue).json"))
            entries[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.entries = entries
    }

    /// Every text of `language`, with English where it lacks one.
    public func texts(_ language: ReportLanguage) -> [String: String] {
        (entries[.english] ?? [:]).merging(entries[language] ?? [:]) { _, own in own }
    }
}
