import Testing
@testable import LiaisonCore

/// The sixteenth round of issue 11: names that chat and letters address or label, and their other
/// occurrences (PersonNames+Addressed.swift); Chinese names in pinyin (PersonNames+Pinyin.swift).
@Suite("PersonNameAddressed")
struct PersonNameAddressedTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("kofi: did u get the text from the bank?\nesi: yes i deleted it\nkofi: good, dont click anything", ["kofi", "esi", "kofi"]),
        ("Hi Ffraid,\nDid the parcel text get you too?", ["Ffraid"]),
        ("bok dunja, jel ti stigla ona poruka od pošte? dunja, nemoj klikati", ["dunja", "dunja"]),
        ("jel ti stigla poruka od pošte? meni jeste. reci zdenki da ne klikće na link", ["zdenki"]),
        ("Mark,\nthe invoice is late.", ["Mark"]),
        ("PLEASE CALL THE BRANCH TODAY ABOUT THE CARD. THANKS, MARGARET", ["MARGARET"]),
        ("A man phoned Qin Yuxuan, a student in Leeds.", ["Qin Yuxuan"]),
        ("The caller asked Yuxuan Qin for her card number.", ["Yuxuan Qin"]),
        ("Witnesses: ZHOU Ruoxi (student union)", ["ZHOU Ruoxi"]),
        // thirty-fifth round: a name with its evidence after "call", "let … know", "greet"
        ("javite stanku iz policije, on zna. pozdravi mirzu i reci mu da ne klika", ["stanku", "mirzu"]),
    ]

    @Test("A speaker's label, the word after a greeting or \"tell\", a given name before a comma, a name after a closing formula and a comma, a Chinese surname beside pinyin",
          arguments: found)
    func addressedNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A form's or mail header's fields written once each, a greeting to a group, a pronoun after
    /// "tell", a word before a comma that is no given name, an organisation after a closing formula
    /// or a pinyin name are no person.
    static let notFound: [(String, [String])] = [
        ("napomena: poziv je stigao juče\nstatus: zatvoreno", []),
        ("to: nabavka@firma.rs\nsubject: nova faktura\nnote: hitno", []),
        ("Hi team,\nthe report is attached.", []),
        ("Dear Customer,\nyour parcel is waiting.", []),
        ("jel ti stigla poruka? reci mu da ne otvara link", []),
        ("zovi banku odmah i javi se policiji, pozovi mamu", []),
        ("javi šefu da kasnim, pozdravi ženu i baku, zovi sina", []),
        ("However,\nthe bank did not answer.", []),
        ("Thanks, Support Team", []),
        ("The invoice came from Zhou Ruoxi Trading Ltd in Shenzhen.", []),
    ]

    @Test("Not a name: form and header fields, a group greeted, a pronoun told, a common word before a comma, a team thanked, a firm in pinyin",
          arguments: notFound)
    func notAddressed(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
