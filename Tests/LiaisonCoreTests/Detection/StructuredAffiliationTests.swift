import Testing
@testable import LiaisonCore

/// A structured person field with the person's office, firm or town after the name
/// (PersonalDataValidator+TitlesAndAffiliations.swift).
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

    @Test("Titles before a full name, and particles inside it, are left out of the weighing", arguments: [
        "Mr John Smith", "Dipl. inž. Mijailo Šarac", "Sayın Ayşe Yılmaz", "Prof. dr Ana Jovanović", "Av. Elira Hoxha, Tirana",
        "Laura van der Berg", "Anna ap Jones", "Thomas van Dijk",
    ])
    func titledPeople(_ value: String) {
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A title before one word is a brand's name, and titles before a firm leave a firm", arguments: [
        "Dr. Oetker", "Mr Proper", "Dr. Hasani Ndërtimi", "Mr Kaya Elektrik",
    ])
    func titledFirms(_ value: String) {
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("Titles come off only while two words or more are left; particles only between the first and last words")
    func nameAfterTitles() {
        #expect(PersonalDataValidator.nameAfterTitles("Dipl. inž. Mijailo Šarac") == "Mijailo Šarac")
        #expect(PersonalDataValidator.nameAfterTitles("Dr. Oetker") == nil)
        #expect(PersonalDataValidator.nameAfterTitles("Marko Petrović") == nil)
        #expect(PersonalDataValidator.nameAfterTitles("Pieter van der Berg") == "Pieter Berg")
        #expect(PersonalDataValidator.nameAfterTitles("Dr. Pieter van Dijk") == "Pieter Dijk")
        #expect(PersonalDataValidator.nameAfterTitles("van Dijk") == nil)                      // a particle opening it stays
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

/// Initials written together (PersonalDataValidator+Initials.swift).
@Suite("Structured person fields with initials written together")
struct StructuredInitialsTests {
    @Test("Initials written together are spaced out and read as initials", arguments: [
        ("M.R.", "M. R."), ("TOŠIĆ R.V.", "TOŠIĆ R. V."), ("S.M.K.", "S. M. K."), ("Д.П.", "Д. П."),
    ])
    func spaced(_ value: String, _ expected: String) {
        #expect(PersonalDataValidator.spacingInitials(value) == expected)
        #expect(PersonalDataValidator.isPlausiblePerson(value))
    }

    @Test("A legal form, the placeholder N.N., small letters or five initials are left as written", arguments: [
        "A.D.", "A.Ş.", "S.A.", "N.N.", "d.o.o.", "m.r.", "A.B.C.D.E.", "M.", "Petrović d.o.o.",
    ])
    func leftAsWritten(_ value: String) {
        #expect(PersonalDataValidator.spacingInitials(value) == value)
        #expect(!PersonalDataValidator.isPlausiblePerson(value))
    }
}
