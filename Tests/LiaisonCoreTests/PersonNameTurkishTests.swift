import Testing
@testable import LiaisonCore

/// The twenty-first round of issue 11: a capitalised word before a Turkish honorific is a name though the
/// gazetteer lacks it, a lower-case given name before one is a name in chat, and a case suffix written
/// on without the apostrophe is read in chat that writes Turkish without its letters, or on a name the
/// text named before (PersonNames+Turkish.swift). The texts are written for these tests.
@Suite("PersonNameTurkish")
struct PersonNameTurkishTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let named: [(String, [String])] = [
        // A given name no list holds, before "Hanım", also opening a sentence.
        ("Kargo bedeli istendi. Nafset Hanım parayı göndermedi.", ["Nafset"]),
        ("Dün Setenay Hanım'ın telefonuna bir kod geldi.", ["Setenay"]),
        // A given name that is also a word ("serdar"), before "abi", in chat typed in lower case.
        ("selam, o mesaj bana da geldi. serdar abi de tıklamış, şifresi gitmiş", ["serdar"]),
        // Chat without Turkish letters: two of its words ("bir", "diye") say the text is Turkish.
        ("bir mesaj geldi, kargo diye. aysenin hesabindan para gitmis", ["aysenin"]),
        // A given name that is also a word, found once, is found again with a suffix written on.
        ("selam, ezgi tıklamış linke, kart bilgilerini girmiş. ezginin hesabından 2 bin gitmiş", ["ezgi", "ezginin"]),
    ]

    @Test("An honorific after a name, and Turkish suffixes written on in chat", arguments: named)
    func found(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notNamed: [String] = [
        // An office before the honorific is a cue, not a name ("Komiser Bey"); a place is no name.
        "Dosyayı Komiser Bey inceledi, sonra Ankara Hanım köyüne gidildi.",
        // Serbian chat: "stigla" is no name and a suffix, and the text writes no Turkish.
        "jel ti stigla poruka od poste? aysenin racun je prazan",
        // One Turkish word alone does not make the text Turkish.
        "ne znam sta je ovo, bir poruka? aysenin sin je kliknuo",
        // A word that is a given name and a suffix, never named, stays a word when the name is a common word.
        "sana da geldi mi? umutla bekliyoruz, kimse tıklamasın",
    ]

    @Test("An office or place before an honorific, and suffixes outside Turkish chat, are no names", arguments: notNamed)
    func notFound(text: String) {
        #expect(Self.persons(text) == [])
    }
}
