@testable import LiaisonIntake
import Testing

@Suite struct AddressShapeTests {
    @Test("Dotted quads: four octets up to 255, no leading zeros, optional prefix up to /32")
    func ipv4() {
        for good in ["0.0.0.0", "192.0.2.1", "255.255.255.255", "198.51.100.0/24", "10.0.0.1/32"] {
            #expect(AddressShape.isIPv4(good), "\(good)")
        }
        for bad in [
            "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..3.4", "1.2.3.", ".1.2.3", "1.2.3.4/33", "1.2.3.a", "１.2.3.4", "",
            "1.2.3.4/\u{301}24", "1.2.3.4/-1", "1.2.3.4/+8", "1.2.3.4/", "1.2.3.4/0024",
        ] {
            #expect(!AddressShape.isIPv4(bad), "\(bad)")
        }
    }

    @Test("Domains: letter-digit-hyphen labels of 1–63, at least two, alphabetic last label")
    func domains() {
        let long = String(repeating: "a", count: 63)
        for good in ["example.org", "login-1.bank-phish.example", "EXAMPLE.ORG.", "x.y.z.example", "\(long).example"] {
            #expect(AddressShape.isDomain(good), "\(good)")
        }
        for bad in [
            "example", "example.", "-a.example", "a-.example", "a..example", ".example.org", "example.org..", "1.2.3.4",
            "example.c0m", "ex ample.org", "exämple.org", "a\u{301}.org", "\(long)a.example", "",
            String(repeating: "a.", count: 127) + "org",
        ] {
            #expect(!AddressShape.isDomain(bad), "\(bad)")
        }
    }
}
