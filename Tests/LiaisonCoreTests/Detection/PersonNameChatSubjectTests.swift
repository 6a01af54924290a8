import Testing
@testable import LiaisonCore

/// The twentieth round of issue 11: in a text typed in lower case, a given name that is also a common
/// word is a person when a past verb or a verb of saying follows it (PersonNames+Speakers.swift). The
/// texts are written for these tests.
@Suite("PersonNameChatSubject")
struct PersonNameChatSubjectTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let subjects: [(String, [String])] = [
        ("jel ti stigla ona poruka od poste? nada je kliknula na link i unela karticu", ["nada"]),
        ("ajde vidi ovo, zora rekla da je i njoj stiglo", ["zora"]),
        ("selam, kargo mesajı sana da geldi mi? umut tıklamış, şifresi gitti", ["umut"]),
    ]

    @Test("A given name that is also a common word, before a past verb, is a person in chat", arguments: subjects)
    func chatSubjects(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notSubjects: [String] = [
        // A pronoun a list also holds as a name.
        "ej jel stigla i tebi poruka? meni je stiglo dvaput, nisam otvarala",
        // An adjective in -la is no participle; an English noun in -il or -al is no verb.
        "nada je mala da ce vratiti pare, banka ne odgovara",
        "pls mark email as spam, the bill total is fake",
        // No verb right after the word and its clitics ("zora je svanula" would be read as a person: a weak spot).
        "ljubica u saksiji je uvela, a poruka od banke je stigla",
    ]

    @Test("A pronoun, an adjective after 'je', or no past verb leaves the common word alone", arguments: notSubjects)
    func notChatSubjects(text: String) {
        #expect(Self.persons(text) == [])
    }
}
