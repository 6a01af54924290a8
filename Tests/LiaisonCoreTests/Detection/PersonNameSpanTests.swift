import Testing
@testable import LiaisonCore

/// Spans the eleventh round of issue 11 completed: initials before a name (two initials, or one
/// before a given name and a surname), and a capitalised word the gazetteer lacks inside a sentence
/// right before a name word found alone (a given name it does not know); and those the twelfth
/// completed: where a name stops at a line break, and a two-word Turkish title.
@Suite("PersonNameSpans")
struct PersonNameSpanTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let initials: [(String, [String])] = [
        ("Zapisnik je sastavio R. A. Todorović iz odeljenja.", ["R. A. Todorović"]),
        ("Записник састави: М. Ј. Тодоров", ["М. Ј. Тодоров"]),
        ("Tutanağı imzalayan M. Cemil Arslan idi.", ["M. Cemil Arslan"]),
        ("Statement taken by D. K. Okafor on Monday.", ["D. K. Okafor"]),
    ]

    @Test("Initials before a name are one name with it", arguments: initials)
    func initialsJoin(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Nineteenth round: a double surname named again is found whole, not from its hyphen on.
    static let doubleSurnameAgain: [(String, [String])] = [
        ("Од наставничката Билјана Поп-Георгиева. Поп-Георгиева веднаш ги предупреди родителите.", ["Билјана Поп-Георгиева", "Поп-Георгиева"]),
        ("Жалбата ја потпиша Елена Хаџи-Василева. Хаџи-Василева веднаш ја блокираше картичката.", ["Елена Хаџи-Василева", "Хаџи-Василева"]),
    ]

    @Test("A double surname named again keeps its first part", arguments: doubleSurnameAgain)
    func doubleSurnameNamedAgain(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let unknownFirst: [(String, [String])] = [
        // a surname found again after a title, then with a given name the gazetteer lacks
        ("Dr Marsh rang the bank on Friday; the van belonged to Ivy Marsh, who runs a stall.", ["Marsh", "Ivy Marsh"]),
        ("Diyarbakır'dan arayan Rojda Tekin, hesabının çalındığını söyledi.", ["Rojda Tekin"]),
        ("Paratë i dërgoi Xhensila Hoxha nga llogaria e saj.", ["Xhensila Hoxha"]),
    ]

    @Test("A capitalised word the gazetteer lacks, inside a sentence, before a name word is its first word", arguments: unknownFirst)
    func unknownWordJoins(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Opening a sentence or a line, the word before is a greeting or an adverb as often: not joined.
    static let notJoined: [(String, [String])] = [
        ("Yesterday Jovana's account posted a crypto advert.", ["Jovana's"]),
        ("Здраво Милане,\nстигна ли ти пораката?", ["Милане"]),
        ("Bok Ivana, jesi li dobila onaj SMS?", ["Ivana"]),
    ]

    @Test("A greeting or adverb opening a sentence is not part of the name", arguments: notJoined)
    func openingWordNotJoined(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// A name stops at a line break before a form's next label, before the same word again (a
    /// signature, then the name in full), and after a given name alone on its line before a line
    /// that goes on in lower case (a signature, then an office).
    static let stopsAtBreak: [(String, [String])] = [
        ("BABA ADI: HÜSEYİN\nDOĞUM YERİ: Sivas", ["HÜSEYİN"]),
        ("IME OCA: DRAGAN\nMJESTO ROĐENJA: BAR", ["DRAGAN"]),
        ("Ве поздравува,\nАрбен\nАрбен Селмани ја препрати пораката.", ["Арбен", "Арбен Селмани"]),
        ("Срдачно,\nСнежана\nГрадска библиотека Ваљево", ["Снежана"]),
        ("Pozdrav,\nTamara\nDom zdravlja Zenica", ["Tamara"]),
        // After a title, a name the gazetteer lacks goes on only inside a wrapped sentence: not when the title
        // opens its line or follows a capitalised word (an address, a letter's greeting), nor on a short line,
        // nor before a word that a colon, a capitalised word or a number follows.
        ("Mr Jones\nLeeds, 4 May", ["Jones"]),
        ("Dear Mr Jones\nThank you, for the call.", ["Jones"]),
        ("Dear Mr Smith\nThanks, I received it.", ["Smith"]),
        ("It was sent to Mr Smith\nYesterday, we found it.", ["Smith"]),
        ("We wrote to Mr Smith\nManchester, UK office.", ["Smith"]),
        ("Şikâyetçi Bay Ahmet\nYılmaz: kızılay mahallesinde oturuyor", ["Ahmet"]),
    ]

    @Test("A name stops at a line break before a label, the same word, or an office", arguments: stopsAtBreak)
    func stopsAtLineBreak(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    /// Still one name across a line break: a wrapped sentence, a signature of two lines, a name
    /// whose next line goes on in lower case when the given name does not stand alone on its line,
    /// a wrapped name after a title.
    static let joinsAcrossBreak: [(String, [String])] = [
        ("Prijavu je u ponedjeljak podnijela Milica\nStojanović iz Tuzle.", ["Milica\nStojanović"]),
        ("Srdačno,\nMilica\nStojanović", ["Milica\nStojanović"]),
        ("Şikâyeti alan memur Ayşe\nDemir ile görüştü.", ["Ayşe\nDemir"]),
        // After a title inside a sentence, a name the gazetteer lacks wrapped on a long line, or before a
        // surname it knows (a comma and the sentence go on after it).
        ("The pupil showed the account to her form tutor, Ms Carys\nHeald, on Monday.", ["Carys\nHeald"]),
        ("Prijavu je primila gđa Carys\nPetrović, koja je rekla da je platila.", ["Carys\nPetrović"]),
    ]

    @Test("A name still goes on across a line break", arguments: joinsAcrossBreak)
    func stillJoinsAcrossBreak(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    @Test("'Komiser Yardımcısı' is one title, outside the name")
    func deputyCommissioner() {
        #expect(Self.persons("Tutanağı düzenleyen: Komiser Yardımcısı Levent Aksoy") == ["Levent Aksoy"])
        #expect(Self.persons("Olay yerine giden komiser yardımcısı Levent Aksoy rapor yazdı.") == ["Levent Aksoy"])
    }
}
