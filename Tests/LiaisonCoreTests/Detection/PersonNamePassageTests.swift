import Testing
@testable import LiaisonCore

/// The twenty-sixth round of issue 11, from the seventh training part: a voice message or call
/// transcribed word for word in lower case, between quotation marks, inside a report that is
/// written with capitals. Its lower-case given names are names, as in a text typed in lower case.
@Suite("PersonNamePassage")
struct PersonNamePassageTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("Prepis poruke (dostavila ćerka):\n„snežana dete javi se zvao me neki policajac kaže da je hitno“", ["snežana"]),
        // lines ended by CR LF
        ("Prepis poruke:\r\n„snežana dete javi se zvao me neki policajac kaže da je hitno“\r\n\r\nBeleška.", ["snežana"]),
        // with the surname after it on the line
        ("Belešku je sačinio dežurni:\n„dobar dan ovde ivana horvat iz banke zovem u vezi vaše kartice molim vas javite se“",
         ["ivana horvat"]),
        // a kin word's vocative after the name is no name: "sine", "son"
        ("Zapis:\n„ramo sine zvao me neki iz banke kaže da ti se javim odmah“", ["ramo"]),
    ]

    @Test("Names in a lower-case passage between quotation marks", arguments: found)
    func passageNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // a passage with a capital letter is written, not transcribed: its lower-case words stay words
        ("Zapis:\n„snežana dete javi se zvao me Policajac iz banke“", []),
        // a short quotation is no passage
        ("Rekla je: „snežana dete“ i spustila slušalicu.", []),
    ]

    @Test("No passage with a capital, nor a short quotation", arguments: notFound)
    func notPassages(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
