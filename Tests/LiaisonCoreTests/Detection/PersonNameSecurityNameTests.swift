import Testing
@testable import LiaisonCore

/// The seventeenth round of issue 11: malware and ransomware families, botnets, tools and threat
/// actors of the MISP galaxies are not people (PersonNames+SecurityNames.swift), while a given name
/// that is also a family's name is still one when the text treats it as a person.
@Suite("PersonNameSecurityName")
struct PersonNameSecurityNameTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let notPersons: [String] = [
        "Ransomware: Black Basta encrypted two hypervisors at a dairy in Cork.",
        "The intruders reached the portal through a Tor exit node in Frankfurt.",
        "Prijave: 3\nRansomware: 1 (Karmen u jednoj firmi u Zadru)",
        "Server je šifrovao ransomver „Petya“ u ponedeljak.",
    ]

    @Test("A family, tool or actor with no given name, or with a word of the trade beside it, is no person", arguments: notPersons)
    func securityNameDropped(text: String) {
        #expect(Self.persons(text) == [])
    }

    static let found: [(String, [String])] = [
        ("Juče je Marina prijavila da joj je neko skinuo novac sa kartice.", ["Marina"]),
        ("Petya called the helpdesk on Tuesday and reported the fraud.", ["Petya"]),
        ("Prijavu je podnijela Karmen Horvat iz Osijeka, a Akira ransomware je šifrirao server.", ["Karmen Horvat"]),
    ]

    @Test("A given name that is also a family's name is still a person without a word of the trade", arguments: found)
    func givenNameKept(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
