import Testing
@testable import LiaisonCore

/// The eighteenth round of issue 11: a capitalised given name alone before a verb of saying is a
/// person, though it is also a common word (PersonNames+Speakers.swift).
@Suite("PersonNameSpeaker")
struct PersonNameSpeakerTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let speakers: [(String, [String])] = [
        ("Nada kaže da joj je neko preuzeo profil.", ["Nada"]),
        ("Нада ми рече дека линкот е лажен.", ["Нада"]),
        ("Umut dedi ki mesaj bankadan gelmemiş.", ["Umut"]),
        ("Grace said the caller knew his address.", ["Grace"]),
    ]

    @Test("A given name that is also a common word is a speaker before a verb of saying", arguments: speakers)
    func speaker(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notSpeakers: [(String, [String])] = [
        // the same names without a verb of saying stay words
        ("Nada umire posljednja.", []),
        ("Grace is at the bank.", []),
        // an institution or organisation, a feast, and in chat typed in lower case a word that is no
        // given name ("mama"); since the twentieth round a given name there that is also a common word
        // is a subject before a verb of saying or a past verb (PersonNameChatSubjectTests)
        ("Policija kaže da je istraga u toku.", []),
        ("Banka kaže da nije slala poruke.", []),
        ("Bayram dedi ki tatil uzun olacak.", []),
        ("mama kaže da je to prevara. nada kaže isto.", ["nada"]),
    ]

    @Test("Without a verb of saying, or as an institution, feast or lower-case word, it is no speaker", arguments: notSpeakers)
    func notSpeaker(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Thirty-third round: a chat's speaker before its message's time or its role in brackets, the
    /// same word opening two lines or more with another speaker's line between, is a person though a
    /// common word (`timedSpeakers`).
    static let chatSpeakers: [(String, [String])] = [
        ("Chat copied from his phone\nGRACE, 11:05: dont let him in\ndad: who is it\nGRACE, 11:31: turn it off now",
         ["GRACE", "GRACE"]),
        ("Razgovor:\nNada (komšinica): zvali su i mene\nzoki: ko\nNada (komšinica): rekli su da je iz banke", ["Nada", "Nada"]),
    ]

    @Test("A given name that is also a common word speaks two lines of a chat before a time or a role", arguments: chatSpeakers)
    func chatSpeaker(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notChatSpeakers: [(String, [String])] = [
        // one line only, a kin word saved as a contact, a word that is no given name
        ("Log\nGrace, 11:05: the caller knew his address", []),
        ("Poruke:\nNANA, 10:02: jesi li zvao banku\nNANA, 10:12: zovi me odmah", []),
        ("Notes\nUpdate, 10:30: server restarted\nUpdate, 10:45: logs copied", []),
        // a list's or log's word on lines one after another, a bracket with a number
        ("Narudžba\nRose (red): 12 pcs\nRose (white): 8 pcs", []),
        ("Chat\nGrace (2019): first\nmark: ok\nGrace (2020): second", []),
    ]

    @Test("One line, a kin word, a word that is no given name or a list's word is no chat speaker", arguments: notChatSpeakers)
    func notChatSpeaker(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
