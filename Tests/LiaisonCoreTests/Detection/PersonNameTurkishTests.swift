import Testing
@testable import LiaisonCore

/// The twenty-first round of issue 11: a capitalised word before "Hanım", "Bey" or "Efendi" is a name
/// though the gazetteer lacks it, and a Turkish case suffix written on without the apostrophe is read in
/// chat that writes Turkish without its letters, or on a name the text named before
/// (PersonNames+Turkish.swift); a given name that is a Turkish word alone is a name outside Turkish
/// (twenty-third round). The texts are written for these tests.
@Suite("PersonNameTurkish")
struct PersonNameTurkishTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let named: [(String, [String])] = [
        // A given name no list holds, before "Hanım", also opening a sentence, and before "Hanım'ın".
        ("Kargo bedeli istendi. Nafset Hanım parayı göndermedi.", ["Nafset"]),
        ("Dün Setenay Hanım'ın telefonuna bir kod geldi.", ["Setenay"]),
        // Chat without Turkish letters: two of its words ("lutfen", "diye") say the text is Turkish,
        // and "gokhanin", which also reads as an Albanian case of Gokhan, is read as Turkish.
        ("linke tiklamis, lutfen bakin. gokhanin hesabi gitti, diye yazdi", ["gokhanin"]),
        // A given name that is also a word, found once, is found again with a suffix written on.
        ("selam, ezgi tıklamış linke, kart bilgilerini girmiş. ezginin hesabından 2 bin gitmiş", ["ezgi", "ezginin"]),
        // Twenty-third round: a given name that is a word of Turkish alone ("haris", greedy; "adem",
        // nonexistence) is a name in a text that does not write Turkish, opening a sentence or in chat.
        ("Haris nije znao da je poruka lažna, pa je upisao podatke kartice.", ["Haris"]),
        ("ako ti se javi haris, nemoj mu slat nista. to nije on", ["haris"]),
        ("Adem se ne javlja od petka.", ["Adem"]),
        // Thirty-fifth round: a given name with an endearment written on, also one that is a word ("elif");
        // not a kin word or endearment that is also a name ("annecim", "dedecim", "cancım").
        ("ayşo: aslı aradı mı?\nelif: hayır\nayşo: elifcim sen de sakın tıklama o linke", ["ayşo", "elif", "ayşo", "elifcim"]),
        ("denizcim sakın gönderme parayı, ilanı kontrol et. ahmetçiğim de açmasın", ["denizcim", "ahmetçiğim"]),
        ("annecim sakın o linke tıklama, dedecim de tıklamasın", []),
        // a noun in "-nç" with "my" reads as a name ending in "n" and "-cım": only once the name was named
        ("inancım tam, hallolcak diye yazdı. cancım benim ya", []),
        // a name that is a common word, with a case suffix before a word only a person's case takes
        ("kanka mertin instagramı çalınmış, merte söyledim şimdi", ["mertin", "merte"]),
        ("yağmura söyleyin, villanın sahibi yazmış", ["yağmura"]),
    ]

    @Test("A name the gazetteer lacks before an honorific, and Turkish suffixes written on in chat", arguments: named)
    func found(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notNamed: [String] = [
        // Offices, demonstratives, greetings and places before an honorific; vocatives that are no honorific.
        "Dosyayı Müdür Bey inceledi, Hemşire Hanım da geldi. Bu Bey kim? Ankara Hanım köyüne gidildi.",
        "Merhaba Hocam, Sevgili Hocam",
        "Hi Abi, thanks Abi",
        // Words before "abi" in chat are no names.
        "selam abi, şu abi bana yazdı, para gitti abi",
        // Serbian chat: "otisle" is no name and a suffix, though "bi" and "tamam" are in the text.
        "jel ti stigla poruka? ja bi rekao tamam, pare su otisle",
        // Albanian: "bir" (son) and the "ve" of "klientëve" do not make the text Turkish.
        "mesazhi erdhi te klientëve, bir i saj e hapi, ama stigla",
        // One Turkish word alone does not make the text Turkish.
        "ne znam sta je ovo, diye? aysenin sin je kliknuo",
        // A word that is a given name and a suffix, never named, stays a word when the name is a common word.
        "sana da geldi mi? umutla bekliyoruz, kimse tıklamasın",
        // In a text that writes Turkish, such a name opening a sentence stays a word ("Adam": a man); a
        // word of Macedonian too ("Една": one, by Bulgarian's list), and a declined reading of one
        // ("Nazovi" is no case of Naz).
        "Adam aradı ve kart bilgilerini istedi. Kimse ona inanmadı.",
        "Една година подоцна, измамата продолжи со нови пораки.",
        "Nazovi ga na stari broj, molim te.",
        // Thirty-fifth round: a common word's genitive or dative before any other word stays a word, also
        // before "too", "with … together" or an idiom's account.
        "denizin suyu çok soğuk bugün, güneşin doğuşunu izledik, sevdaya düştüm galiba",
        "denize de girdik abi, su cok soguktu. yağmurla birlikte sel geldi, kaderin hesabı olmaz",
    ]

    @Test("An office, greeting or place before an honorific, and suffixes outside Turkish chat, are no names", arguments: notNamed)
    func notFound(text: String) {
        #expect(Self.persons(text) == [])
    }
}
