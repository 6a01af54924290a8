import Testing
@testable import LiaisonCore

/// A mail header's display name before its address is the address's person (PersonNames+DisplayNames.swift),
/// also when the gazetteer lacks the name; a role's, a department's or a firm's mailbox is not.
@Suite("People's names: a mail header's display name")
struct PersonNameDisplayNameTests {
    static let people: [(String, [String])] = [
        ("> From: Giorgos Karalis <g.karalis@karalis-wines.gr>\n> Dear Sir,", ["Giorgos Karalis"]),
        ("Për: Klajdi Toska <k.toska@medipharm-al.com>\nLënda: Fwd: fatura", ["Klajdi Toska"]),
        // surname first, the address given name first; the name in full, not its given name alone
        ("Od: Takács Réka <reka.takacs@agrobacka.rs>\nPoslato: ponedeljak", ["Takács Réka"]),
        // the surname after the given name's initial; a title before the name is outside it
        ("Od: Jasmina Radenković <jradenkovic@firma.rs>", ["Jasmina Radenković"]),
        ("From: Dr Nathaniel Okoro <dr.nathaniel.okoro@mail.com>", ["Nathaniel Okoro"]),
        ("Kimden: \"Emre Tatlıcı\" <emretatlici@posta.com.tr>", ["Emre Tatlıcı"]),
        // the gazetteer knows neither word: the address writes an initial and the surname, as people's do
        ("From: Tavish Orrin <t.orrin@mail.co.uk>", ["Tavish Orrin"]),
        ("From: \"Tavish Orrin\" <t.orrin@mail.co.uk>", ["Tavish Orrin"]),
        ("Od: „Milena Qorraj“ <m.qorraj@mail.rs>", ["Milena Qorraj"]),
    ]

    @Test("A display name that the address's local part writes is a person's", arguments: people)
    func displayName(text: String, names: [String]) {
        #expect(PersonNameTests.persons(text) == names)
    }

    static let mailboxes: [String] = [
        "From: Practice Manager <manager@surgery.nhs.uk>",
        // a role's or a department's mailbox, written with its own words: no word of them is a name
        "From: Practice Manager <practice.manager@surgery.nhs.uk>",
        "From: Human Resources <human.resources@firm.com>",
        "From: No Reply <noreply@firm.com>",
        "From: Do Not Reply <do.not.reply@firm.com>",
        "From: Vinted Team <no-reply@vinted.com>",
        "Od: Pešić Agrar d.o.o. <office@pesic-agrar.rs>",
        "From: Netflix Support <netflix.support@mail.com>",
        // a local part that writes none of the words
        "From: Tavish Orrin <hr@callpoint.co.uk>",
        // four words, or an address that never closes on its line
        "From: Grand Hotel Zlatibor Spa <hotel.zlatibor@mail.rs>",
        "From: Tavish Orrin <t.orrin@mail.co.uk\n> more",
    ]

    @Test("A role's or a firm's mailbox, or a name its address does not write, is no display name", arguments: mailboxes)
    func mailbox(text: String) {
        #expect(PersonNameTests.persons(text) == [])
    }
}
