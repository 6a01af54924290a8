import Testing
@testable import LiaisonCore

/// The fifteenth round of issue 11: words the gazetteer lacks where the text shows a name. A
/// surname after an initial and a third word after a known name (NameReader+UnknownWords.swift), a
/// name signed under a closing formula and "SURNAME, Given" (PersonNames+Signatures.swift), a name
/// in a list of people with their offices in brackets (PersonNames+Affiliations.swift).
@Suite("PersonNameUnknownWord")
struct PersonNameUnknownWordTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        ("Zapisnik sastavila: L. Ngata", ["L. Ngata"]),
        ("Присутни: Г. Нгата (Пошта), Ана Лазић.", ["Г. Нгата", "Ана Лазић"]),
        ("The statement was taken by K. Obaseki. The caller hung up.", ["K. Obaseki"]),
        ("Prijavu je zaprimila Jelena Marić Zovko iz Splita.", ["Jelena Marić Zovko"]),
        ("Toplantıya B. Ayşe Korutürkler de katıldı.", ["B. Ayşe Korutürkler"]),
        // Twenty-third round: also after a given name that is a common word ("umut", hope).
        ("Toplantıya M. Umut Fırıncı (BTK) de katıldı.", ["M. Umut Fırıncı"]),
        ("Kind regards,\nOsian Maddrell", ["Osian Maddrell"]),
        ("Ju lutem kontrolloni llogarinë.\nMe respekt,\nDrilona", ["Drilona"]),
        ("Lista svjedoka:\n1. HORVATINEC, Ivana\n2. Petar Jurić", ["HORVATINEC, Ivana", "Petar Jurić"]),
        // A listed surname in capitals lets a given name that is also a common word follow (twenty-first round).
        ("Mahkeme kararından: sanıklar DEMİR, Eren ve POLAT Hakan hakkında dava açıldı.", ["DEMİR, Eren", "POLAT Hakan"]),
        ("Prisutni: Ana Lazić (MUP), Kwabo Nantamu (RATEL)", ["Ana Lazić", "Kwabo Nantamu"]),
        // Twenty-third round: a surname with "O'" in capitals, and a listed surname opening its line.
        ("Attendees:\nO'SULLIVAN, Aoife – Action Fraud\nTaylor, Megan – TSB", ["O'SULLIVAN, Aoife", "Taylor, Megan"]),
        ("Attendees:\nO’SULLIVAN, Aoife (Action Fraud)", ["O’SULLIVAN, Aoife"]),
        // A surname with "Mc" or "Mac" and its one inner capital is a word, not a brand's spelling.
        ("The statement was given by Fiona McLaren on Monday. He paid with a MacBook at McDonald's.", ["Fiona McLaren"]),
    ]

    @Test("A word the gazetteer lacks is part of a name after an initial, after a known name, under a closing formula or before a comma and a given name",
          arguments: found)
    func unknownWordsInNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A capitalised word after the name's last word keeps the unknown word out (it may start a
    /// longer proper noun); a closing formula's next line with a lower-case word, an organisation
    /// word or a word the text writes in lower case is no signature; an acronym before a comma is no surname.
    static let notFound: [(String, [String])] = [
        ("Prijavu je zaprimila Jelena Marić Zovko Trade iz Splita.", ["Jelena Marić"]),
        ("Kind regards,\nFraud Support Team", []),
        ("Thank you,\nSecurity desk", []),
        ("We will support you.\nRegards,\nSupport", []),
        ("Most abused brands: HMRC, Amazon and DHL.", []),
        ("Obaviješteni su: MUP, Ivana Horvat.", ["Ivana Horvat"]),
        ("Prisutni: Kwabo Nantamu (RATEL), dežurni tim.", []),
        // A surname alone in brackets after a name is the person's town; a given name there is a nickname.
        ("Victims: Ruth Ackroyd (Halifax), Amir Rahmani (Preston) and Josephine Ekwueme.", ["Ruth Ackroyd", "Amir Rahmani", "Josephine Ekwueme"]),
        ("Javio se Marko Petrović (Mare) iz Beograda.", ["Marko Petrović", "Mare"]),
        // A capitalised surname before a comma inside a line is no list's surname: two people here.
        ("Spoke to the bank on Monday. Thanks, Taylor, Megan will call back.", ["Taylor", "Megan"]),
        // Nor opening a line when the line goes on after the given name: two people addressed.
        ("Taylor, Megan called the bank twice.", ["Taylor", "Megan"]),
    ]

    @Test("Not a name: a capitalised word after, a team or office signing, an acronym before a comma, an office in brackets with no name found beside", arguments: notFound)
    func unknownWordsLeftOut(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
