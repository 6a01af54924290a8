import Testing
@testable import LiaisonCore

/// The thirty-first round of issue 11: a chat pasted into a report that is otherwise written with
/// capitals. Each message of a speaker who is a person, typed in lower case, is read as a lower-case
/// passage is; a message typed in capitals is read so too when another message of the chat is in
/// lower case (PersonNames+LowerCase.swift, `chatPassages`).
@Suite("PersonNameChatMessage")
struct PersonNameChatMessageTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let messages: [(String, [String])] = [
        // WhatsApp's export: a date and time before each speaker
        ("Forwarded by the school office.\n[09/05, 07:55] shaz: the photos link is fake\n[09/05, 08:03] dec: kayleigh paid as well, will tell her",
         ["kayleigh"]),
        // speakers written in full with the time after them; a name and a surname in a message
        ("Screenshots attached by the victim.\nBrenda Catterall, 10:03: who is this? jonny or robbie??\nUnknown number, 10:05: its robbie mum",
         ["Brenda Catterall", "jonny", "robbie", "robbie"]),
        // Serbian chat in a police note; the note's own name stays found
        ("Prijavu podnela Jelena Simić. Poruke su iz grupe. Ona nije kliknula.\nmilica: jesam, obrisala sam poruku\ngoran: neka tomislav zove banku",
         ["Jelena Simić", "tomislav"]),
        // names the region gives often stay names in lower case, though "jelena" and "mila" are also
        // word forms ("malo" beside them is a word: `NameEvidence.lowerCaseWord`)
        ("marko: jelena je zvala, malo kasnim\nana: ok, javi mila", ["marko", "jelena", "mila"]),
        // a parent typing in capitals, the son answering in lower case
        ("Poruke prepisane u zapisnik.\nOTAC, 11:10: DUŠKO ZVAO ME NEKI IZ BANKE\nSIN, 11:12: ne daj nikom nista, zovem policiju",
         ["DUŠKO"]),
    ]

    @Test("A given name in a chat's message typed in one case is a name", arguments: messages)
    func message(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notMessages: [(String, [String])] = [
        // one label before a lower-case line is no chat
        ("Summary: kayleigh paid as well, will tell her.\nThe bank was called.", []),
        // lines of a police log in capitals after a time and a label are no chat's messages
        ("DNEVNI IZVJEŠTAJ\n09:40  PRIJAVA: KRAĐA NOVČANIKA U PRODAVNICI BUTIK ADRIJANA\n10:10  PRIJAVA: LAŽNI POZIV", []),
        // labels, a firewall's rules and a ticket's fields are no speakers (reviewed in the thirty-first round)
        ("Firewall export:\nrule 12: allow tcp from any to orion server\nrule 13: deny udp from athena host to any\nApplied on Monday.", []),
        ("Ticket #4411\nStatus: pending review by legal\nNote: see ticket for vera details\nClosed.", []),
        // a given name that two of the word lists also have as a word is no name alone in lower case
        // ("malo", "jako", "koju"; "linka", the loanword declined), though a capitalised one still is
        ("marko: malo kasnim, jako je gužva\nana: nema veze, koju god hoćeš uzmi\nmarko: ok", ["marko", "ana", "marko"]),
        ("kaže platila 300 dinara za carinu preko linka, ja sam goran", ["goran"]),
        // a Turkish verb's past tense with the dotless "ı" is no name, though its letters fold to one
        // ("aldı" to Aldi); the speakers and "mehmet" stay names (thirty-second round)
        ("ali: parayı aldı mı bilmiyorum\nayşe: evet aldı, sandı ki banka\nali: tamam mehmet gelsin", ["ali", "ayşe", "ali", "mehmet"]),
        // a message that mixes the cases is read as any sentence is
        ("Chat export. Two parents wrote. One paid.\nshaz: Tell the office kayleigh paid\ndec: ok will do", []),
    ]

    @Test("Labels, a log in capitals, a message in both cases, words that are also given names: no name", arguments: notMessages)
    func notMessage(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
