import Testing
@testable import LiaisonCore

/// The twenty-sixth round of issue 11, from the seventh training part: tables whose cells are parted
/// by commas (CSV) or by aligned columns of spaces, a father's name's column, cells that name nobody,
/// a SWIFT payment's parties, a Turkish form of address after a name, and awards, ferries,
/// clinics, neighbourhoods and clubs named after people.
@Suite("PersonNameColumn")
struct PersonNameColumnTests {
    static func persons(_ text: String) -> [String] { PersonNameTests.persons(text) }

    static let found: [(String, [String])] = [
        // a CSV export without spaces: a surname's and a forename's column
        ("ref,surname,forename,age\nAB-1,FARNSWORTH,Imelda,44", ["FARNSWORTH", "Imelda"]),
        // columns aligned by spaces; the father's name is a person too; the comma of "SOYADI, ADI" is
        // inside a cell, not between cells
        ("S.NO  SOYADI, ADI          BABA ADI      DOĞUM YERİ\n1     KARABULUT, Sevgül      NEDİM         Kartal",
         ["KARABULUT, Sevgül", "NEDİM"]),
        ("CUSTODY NO   SURNAME        FORENAMES      DOB\nXY/1   PRENDERGAST    ORLA NIAMH     01/02/2000",
         ["PRENDERGAST", "ORLA NIAMH"]),
        ("Nr. | EMËR MBIEMËR | ATËSIA\n7 | DORINA KALEMI | FLAMUR", ["DORINA KALEMI", "FLAMUR"]),
        // a SWIFT MT103's beneficiary on the line after its account
        (":32A:260514GBP1200,00\n:59:/GB09BUKB20201555019982\nOLUWASEUN MARTIN ADEYEMI-COLE\nFLAT 9 LEA ROAD", ["OLUWASEUN MARTIN ADEYEMI-COLE"]),
        // a Turkish form of address after the name stays outside it
        ("Anahtarı komşusu Remzi Amca'nın vereceğini söyledi.", ["Remzi"]),
    ]

    @Test("Names in the columns of CSV and of aligned tables, and in a payment's fields", arguments: found)
    func columnNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }

    static let notFound: [(String, [String])] = [
        // a form's fields aligned by spaces are no table: one header known on the line
        ("Surname     SMITHERS\nForename    ALDOUS\nAddress     12 HIGH ST", []),
        // a firm as a payment's ordering customer
        (":50K:/GB71NWBK60073412559871\nHARTWELL PRECISION ENGINEERING LTD\nUNIT 4 FOUNDRY LANE", []),
        // a cell of a column of names that names nobody
        ("ref,surname,forename\nAB-2,NOT GIVEN,NOT GIVEN", []),
        // an award, a ferry, a clinic, a neighbourhood and a club named after a person
        ("Lažne stranice nude knjige dobitnika nagrade „Mirko Kovač“ besplatno.", []),
        ("Karte za trajekt „Juraj Dalmatinac“ prodaju se samo na šalteru.", []),
        ("Incident – Poliklinika „Dr Stanimirović“, Valjevo", []),
        ("Në lagjen \"Ismail Qemali\" bankat janë të hapura.", []),
        ("Nude se ulaznice za utakmice FK Radnik i FK Mačva.", []),
    ]

    @Test("Nobody in a blank cell, nor in things named after people", arguments: notFound)
    func notNames(text: String, names: [String]) {
        #expect(Self.persons(text) == names)
    }
}
