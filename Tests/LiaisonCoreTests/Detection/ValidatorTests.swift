import Testing
@testable import LiaisonCore

@Suite("Structured-field validators")
struct ValidatorTests {
    static let valid: [(PersonalDataKind, String, String)] = [
        (.iban, "rs35 2600 0560 1001 6113 79", "RS35260005601001611379"),
        (.iban, "RS35260005601001611379", "RS35260005601001611379"),
        (.paymentCard, "4111-1111-1111-1111", "4111111111111111"),
        (.phone, "0641234567", "0641234567"),
        (.phone, "+381 64 123 4567", "+381641234567"),
        (.email, "Ana@Example.ORG", "Ana@example.org"),
        (.email, "ana[at]example[.]org", "ana@example.org"),
        // A field that holds an address: any syntactically valid one counts, whatever its TLD.
        (.email, "Ana@Firma.Intranet", "Ana@firma.intranet"),
        (.email, "ops@host.corp", "ops@host.corp"),
        (.nationalID, "0101990710008", "0101990710008"),
        (.nationalID, "10000000146", "10000000146"),
        (.nationalID, "1234567890", "1234567890"),
        (.ipv6, "2001:0DB8::0001", "2001:db8::1"),
        (.person, "John Smith", "John Smith"),
        (.url, "hxxps://example[.]com/x", "https://example.com/x"),
        (.domain, "Example.COM", "example.com"),
        (.cryptoWallet, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
    ]

    @Test("A valid structured value validates and normalises", arguments: valid)
    func validValue(kind: PersonalDataKind, value: String, normalised: String) {
        #expect(PersonalDataValidator.isValid(value, as: kind))
        #expect(PersonalDataValidator.normalise(value, as: kind) == normalised)
    }

    static let invalid: [(PersonalDataKind, String)] = [
        (.iban, "RS35 2600 0560 1001 6113 78"),
        (.paymentCard, "4111 1111 1111 1112"),
        (.phone, "12:30:45"),
        (.email, "ana@example"),
        (.nationalID, "0101990710009"),
        (.ipv4, "1.2.3.4.5"),
        (.domain, "report.pdf"),
        (.person, "Ziraat Bankası A.Ş."),
        (.email, "ana@example.org and more"),
    ]

    @Test("An invalid or partial structured value is rejected", arguments: invalid)
    func invalidValue(kind: PersonalDataKind, value: String) {
        #expect(!PersonalDataValidator.isValid(value, as: kind))
        #expect(PersonalDataValidator.normalise(value, as: kind) == nil)
    }
}
