import Testing
@testable import LiaisonCore

@Suite("Valid values are found with the right span and normalised value")
struct ValidValueTests {
    static let findings: [Finding] = [
        // e-mail
        Finding(kind: .email, written: "marko.petrovic+case42@Example.RS", normalised: "marko.petrovic+case42@example.rs"),
        Finding(kind: .email, written: "ivan_ivanov@mup.gov.mk", normalised: "ivan_ivanov@mup.gov.mk"),
        Finding(kind: .email, written: "ana@пример.срб", normalised: "ana@пример.срб"),
        Finding(kind: .email, written: "ана@пример.срб", normalised: "ана@пример.срб", before: "Адреса: "),
        Finding(kind: .email, written: "A.Yilmaz@ÖRNEK.com.tr", normalised: "A.Yilmaz@örnek.com.tr"),
        // phone
        Finding(kind: .phone, written: "+381 64 123 4567", normalised: "+381641234567"),
        Finding(kind: .phone, written: "+90 (532) 123 45 67", normalised: "+905321234567"),
        Finding(kind: .phone, written: "00389 70 123 456", normalised: "+38970123456"),
        Finding(kind: .phone, written: "+383 44 123 456", normalised: "+38344123456"),
        Finding(kind: .phone, written: "+355 69 123 4567", normalised: "+355691234567"),
        Finding(kind: .phone, written: "+387 61-123-456", normalised: "+38761123456"),
        Finding(kind: .phone, written: "+382 67 123 456", normalised: "+38267123456"),
        Finding(kind: .phone, written: "+49 (0)30 1234567", normalised: "+49301234567"),
        Finding(kind: .phone, written: "064/123-4567", normalised: "0641234567"),
        Finding(kind: .phone, written: "0532 123 45 67", normalised: "05321234567"),
        Finding(kind: .phone, written: "(011) 123-4567", normalised: "0111234567"),
        Finding(kind: .phone, written: "0641234567", normalised: "0641234567", before: "Kontakt tel: "),
        Finding(kind: .phone, written: "05321234567", normalised: "05321234567", before: "Cep: "),
        Finding(kind: .phone, written: "0 532 123 45 67", normalised: "05321234567", before: "Cep: "),
        Finding(kind: .phone, written: "(+90) 212 123 45 67", normalised: "+902121234567", before: "Phone: "),
        Finding(kind: .phone, written: "+381 (0)11 3456-789", normalised: "+381113456789"),
        Finding(kind: .phone, written: "064 1234567", normalised: "0641234567", before: "Телефон: "),
        // IBAN
        Finding(kind: .iban, written: "RS35 2600 0560 1001 6113 79", normalised: "RS35260005601001611379"),
        Finding(kind: .iban, written: "ME25505000012345678951", normalised: "ME25505000012345678951"),
        Finding(kind: .iban, written: "MK07 2501 2000 0058 984", normalised: "MK07250120000058984"),
        Finding(kind: .iban, written: "BA39 1290 0794 0102 8494", normalised: "BA391290079401028494"),
        Finding(kind: .iban, written: "AL47 2121 1009 0000 0002 3569 8741", normalised: "AL47212110090000000235698741"),
        Finding(kind: .iban, written: "TR33 0006 1005 1978 6457 8413 26", normalised: "TR330006100519786457841326"),
        Finding(kind: .iban, written: "XK051212012345678906", normalised: "XK051212012345678906"),
        Finding(kind: .iban, written: "GB82 WEST 1234 5698 7654 32", normalised: "GB82WEST12345698765432"),
        Finding(kind: .iban, written: "DE89370400440532013000", normalised: "DE89370400440532013000"),
        // payment cards
        Finding(kind: .paymentCard, written: "4111 1111 1111 1111", normalised: "4111111111111111"),
        Finding(kind: .paymentCard, written: "5555-5555-5555-4444", normalised: "5555555555554444"),
        Finding(kind: .paymentCard, written: "3782 822463 10005", normalised: "378282246310005"),
        Finding(kind: .paymentCard, written: "6011111111111117", normalised: "6011111111111117"),
        Finding(kind: .paymentCard, written: "3530 1113 3330 0000", normalised: "3530111333300000"),
        Finding(kind: .paymentCard, written: "30569309025904", normalised: "30569309025904"),
        Finding(kind: .paymentCard, written: "6200 0000 0000 0005", normalised: "6200000000000005"),
        Finding(kind: .paymentCard, written: "2223 0031 2200 3222", normalised: "2223003122003222"),
        Finding(kind: .paymentCard, written: "9891 0012 3456 7890", normalised: "9891001234567890"),
        Finding(kind: .paymentCard, written: "9792 0012 3456 7890", normalised: "9792001234567890"),
        Finding(kind: .paymentCard, written: "6767700000000005", normalised: "6767700000000005"),
        // IP addresses
        Finding(kind: .ipv4, written: "198.51.100.7", normalised: "198.51.100.7"),
        Finding(kind: .ipv4, written: "10.0.0.1", normalised: "10.0.0.1", after: ":8080 was scanned"),
        Finding(kind: .ipv6, written: "2001:DB8:0:0:0:0:0:1", normalised: "2001:db8::1"),
        Finding(kind: .ipv6, written: "2001:0db8:0000:0000:0001:0000:0000:0001", normalised: "2001:db8::1:0:0:1"),
        Finding(kind: .ipv6, written: "fe80::1", normalised: "fe80::1"),
        Finding(kind: .ipv6, written: "::1", normalised: "::1"),
        Finding(kind: .ipv6, written: "::ffff:192.0.2.128", normalised: "::ffff:192.0.2.128"),
        Finding(kind: .ipv6, written: "2001:db8:0:1:1:1:1:1", normalised: "2001:db8:0:1:1:1:1:1"),
        // URL and domain
        Finding(kind: .url, written: "https://Evil.Example.COM/login?next=/a(b)", normalised: "https://evil.example.com/login?next=/a(b)"),
        Finding(kind: .url, written: "http://198.51.100.7:8080/x.php", normalised: "http://198.51.100.7:8080/x.php"),
        Finding(kind: .url, written: "ftp://files.example.org/pub/", normalised: "ftp://files.example.org/pub/"),
        Finding(kind: .url, written: "http://[2001:db8::1]/", normalised: "http://[2001:db8::1]/"),
        Finding(kind: .url, written: "https://example.com", normalised: "https://example.com", after: "."),
        Finding(kind: .domain, written: "phish-login.example.co.uk", normalised: "phish-login.example.co.uk"),
        Finding(kind: .domain, written: "MUP.GOV.RS", normalised: "mup.gov.rs"),
        Finding(kind: .domain, written: "b92.rs", normalised: "b92.rs"),
        Finding(kind: .domain, written: "invoice.zip", normalised: "invoice.zip", after: "/payload"),
        Finding(kind: .domain, written: "пример.срб", normalised: "пример.срб"),
        // national IDs
        Finding(kind: .nationalID, written: "0101990710008", normalised: "0101990710008"),
        Finding(kind: .nationalID, written: "2902000415007", normalised: "2902000415007"),
        Finding(kind: .nationalID, written: "2507957100044", normalised: "2507957100044"),
        Finding(kind: .nationalID, written: "1203975500030", normalised: "1203975500030"), // remainder 0 → K = 0
        Finding(kind: .nationalID, written: "0506975300006", normalised: "0506975300006"), // old Yugoslav, region 30 (HR)
        Finding(kind: .nationalID, written: "10000000146", normalised: "10000000146"),
        Finding(kind: .nationalID, written: "12345678950", normalised: "12345678950"),
        Finding(kind: .nationalID, written: "J00101999W", normalised: "J00101999W"),
        Finding(kind: .nationalID, written: "J05115999K", normalised: "J05115999K"),
        Finding(kind: .nationalID, written: "1234567890", normalised: "1234567890", before: "Numri personal: "),
        // crypto wallets
        Finding(kind: .cryptoWallet, written: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", normalised: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
        Finding(kind: .cryptoWallet, written: "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", normalised: "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
        Finding(kind: .cryptoWallet, written: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", normalised: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
        Finding(kind: .cryptoWallet, written: "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", normalised: "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"),
        Finding(kind: .cryptoWallet, written: "bc1pqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0sg5tmnz", normalised: "bc1pqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0sg5tmnz"),
        Finding(kind: .cryptoWallet, written: "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9", normalised: "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9"),
        Finding(kind: .cryptoWallet, written: "LVuDpNCSSj6pQ7t9Pv6d6sUkLKoqDEVUnJ", normalised: "LVuDpNCSSj6pQ7t9Pv6d6sUkLKoqDEVUnJ"),
        Finding(kind: .cryptoWallet, written: "MJaRnao1s62a2zAKSkmG582KbLKianqb7v", normalised: "MJaRnao1s62a2zAKSkmG582KbLKianqb7v"),
        Finding(kind: .cryptoWallet, written: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", normalised: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
        Finding(kind: .cryptoWallet, written: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", normalised: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
        Finding(kind: .cryptoWallet, written: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", normalised: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
        Finding(kind: .cryptoWallet, written: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", normalised: "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"),
        Finding(kind: .cryptoWallet, written: "0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb", normalised: "0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb"),
        Finding(kind: .cryptoWallet, written: "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A",
                normalised: "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A"),
        // persons
        Finding(kind: .person, written: "Marko Petrović", normalised: "Marko Petrović", before: "Razgovarali smo sa: "),
        Finding(kind: .person, written: "Ayşe Yılmaz", normalised: "Ayşe Yılmaz", before: "görüşülen kişi "),
        Finding(kind: .person, written: "Djordje Djordjevic", normalised: "Djordje Djordjevic", before: "contact "),
        Finding(kind: .person, written: "Arben Krasniqi", normalised: "Arben Krasniqi", before: "contact "),
        Finding(kind: .person, written: "Јована Николић", normalised: "Јована Николић", before: "лице "),
        Finding(kind: .person, written: "Goran Kovačić", normalised: "Goran Kovačić", before: "suspect "),
        Finding(kind: .person, written: "John Smith", normalised: "John Smith", before: "Victim name: "),
        Finding(kind: .person, written: "Ana Marija Horvat", normalised: "Ana Marija Horvat", before: "victim: "),
        Finding(kind: .person, written: "Петар Петровић", normalised: "Петар Петровић", before: "Име и презиме: "),
        Finding(kind: .person, written: "Zeynep Kara", normalised: "Zeynep Kara", before: "Adı Soyadı: "),
        Finding(kind: .person, written: "Drita Leka", normalised: "Drita Leka", before: "Emri dhe mbiemri: "),
        Finding(kind: .person, written: "Jane Doe", normalised: "Jane Doe", before: "Complaint from Ms "),
        Finding(kind: .person, written: "Ahmet Kurt", normalised: "Ahmet Kurt", before: "Şikayetçi Bay "),
        Finding(kind: .person, written: "Stojan Todorov", normalised: "Stojan Todorov", before: "g-din "),
        Finding(kind: .person, written: "Besa Dema", normalised: "Besa Dema", before: "Znj. "),
        Finding(kind: .person, written: "MEHMET YILMAZ", normalised: "MEHMET YILMAZ", before: "Adı Soyadı: "),
        Finding(kind: .person, written: "Elif Kaya-Demir", normalised: "Elif Kaya-Demir", before: "yazan "),
    ]

    @Test("A valid value embedded in a sentence is reported once with its exact span", arguments: findings)
    func found(_ f: Finding) {
        let spans = PersonalDataScanner().scan(f.text)
        let matching = spans.filter { $0.kind == f.kind }
        #expect(matching.count == 1, "spans: \(spans)")
        guard let span = matching.first else { return }
        #expect(covered(f.text, span) == f.written)
        #expect(span.normalised == f.normalised)
        #expect(span.utf8Range.lowerBound == f.before.utf8.count)
    }

    @Test("Spans come back sorted and disjoint for a report mixing every kind")
    func mixedReport() {
        let text = Self.findings.map(\.text).joined(separator: "\n")
        let spans = PersonalDataScanner().scan(text)
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.utf8Range.upperBound <= b.utf8Range.lowerBound) }
        #expect(spans.count >= Self.findings.count)
    }
}
