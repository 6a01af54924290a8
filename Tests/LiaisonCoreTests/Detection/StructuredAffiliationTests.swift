import Testing
@testable import LiaisonCore

/// A structured person field with the person's office, firm or town after the name
/// (PersonalDataValidator+Affiliations.swift).
@Suite("Structured person fields with an affiliation")
struct StructuredAffiliationTests {
    @Test("A name before a comma, dash, bar or bracket is a person whatever the affiliation after it", arguments: [
        "Marko Petrović, Beograd", "Ayşe Yılmaz (Muhasebe)", "Besnik Krasniqi | Kosovo Police", "Ana Jovanović – Telekom Srbija",
        "Драган Стојановски - Министерство за внатрешни работи", "Elira Hoxha, Banka Kombëtare Tregtare",
    ])
    func affiliatedPeople(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("An office, bank, street or firm before the separator is still no person", arguments: [
        "Uprava policije – Odsjek za VTK", "Raiffeisen Bank - Filijala Prishtina", "Komercijalna banka, ekspozitura Niš",
        "Bulevar Kralja Aleksandra 73, Beograd", "Kaya Elektrik (Antalya)", "Hasani Ndërtimi - Prishtinë",
    ])
    func affiliatedFirms(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Only two words or more before the first separator are weighed alone, and a bracket must close the value")
    func nameBeforeAffiliation() {
        #expect(PersonalDataValidator.nameBeforeAffiliation("Olamide Fashola, City of London Police") == "Olamide Fashola")
        #expect(PersonalDataValidator.nameBeforeAffiliation("Qëndrim Haliti (Raiffeisen Bank Kosovo)") == "Qëndrim Haliti")
        #expect(PersonalDataValidator.nameBeforeAffiliation("Enver Kazaz | MUP KS - Sarajevo") == "Enver Kazaz")
        #expect(PersonalDataValidator.nameBeforeAffiliation("Tekeli, Savaş") == nil)           // a surname, then the given name
        #expect(PersonalDataValidator.nameBeforeAffiliation("Ivan (Split)") == nil)            // one word
        #expect(PersonalDataValidator.nameBeforeAffiliation("Ivan Perić (Split") == nil)       // the bracket does not close
        #expect(PersonalDataValidator.nameBeforeAffiliation("Ivan Perić (Split) x") == nil)    // nor close the value
        #expect(PersonalDataValidator.nameBeforeAffiliation("Ivan Perić, ") == nil)            // nothing after it
        #expect(PersonalDataValidator.nameBeforeAffiliation("Kaya-Demir Ayşe") == nil)        // a hyphen inside a name
    }
}
