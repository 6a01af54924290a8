import Testing
@testable import LiaisonCore

/// The learned scorer of structured person fields (`PersonFieldModel`): its table matches its
/// features, and values of our own, not in the sets it was fitted on, get the verdicts expected.
@Suite("Structured person fields: the learned scorer")
struct PersonFieldModelTests {
    /// People in the seven languages, in several shapes (not in structured-train or -dev).
    static let people = ["Arbnora Hoxha", "Dragana Lukić", "Ayşe Nur Çelik", "Ivana Popovska", "Зоран Митровић",
                         "Mehmet KARA", "Blerina Krasniqi", "T. Stanković"]
    /// Organisations and offices, with a bank, company, office or trade word, or a legal form.
    static let organisations = ["Stopanska Banka", "Magyar Telekom", "Ziraat Bankası", "Posta Shqiptare",
                                "Vakıf Katılım Bankası", "Kosova Telecom", "Microsoft Corporation", "Ministarstvo Unutrašnjih Poslova",
                                "Bluewave Markets"]

    @Test("The weights table has one weight per feature")
    func tableMatchesFeatures() {
        #expect(PersonFieldModel.weights.count == PersonFieldModel.featureNames.count)
        #expect(Set(PersonFieldModel.featureNames).count == PersonFieldModel.featureNames.count)
    }

    @Test("A value has exactly one of the rules' verdicts among its features")
    func oneVerdict() {
        let names = PersonFieldModel.featureNames
        for value in Self.people + Self.organisations + ["", "x", "Banka"] {
            let verdicts = PersonFieldModel.features(value).filter { names[$0].hasPrefix("rule.") }
            #expect(verdicts.count == 1, "\(value)")
        }
    }

    @Test("People are accepted", arguments: people)
    func peopleAreAccepted(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Organisations are refused", arguments: organisations)
    func organisationsAreRefused(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Over 256 bytes, no letter, or Latin and Cyrillic letters in one word: refused whatever the score")
    func refusedWhateverTheScore() {
        for value in [String(repeating: "Marko ", count: 50), "12345", "--", "Mарко Petrović"] {
            #expect(!PersonalDataValidator.isPlausiblePerson(value), "\(value.prefix(40))")
        }
        let names = PersonFieldModel.featureNames
        #expect(PersonFieldModel.features("Mарко Petrović").contains(names.firstIndex(of: "rule.mixedScript")!))
    }

    @Test("A name in lower case or as initials is a person, as in the labelled field values")
    func lowerCaseAndInitials() {
        #expect(PersonalDataValidator.normalise("  john   smith ", as: .person) == "john smith")
        #expect(PersonalDataValidator.isPlausiblePerson("M. J."))
    }

    @Test("The score is the intercept plus the weights of the features that are on")
    func scoreIsTheSum() {
        let value = "Dragana Lukić"
        let sum = PersonFieldModel.features(value).reduce(PersonFieldModel.intercept) { $0 + PersonFieldModel.weights[$1] }
        #expect(abs(PersonFieldModel.score(value) - sum) < 1e-12)
        #expect(PersonFieldModel.score(value) >= PersonFieldModel.threshold)
    }
}
