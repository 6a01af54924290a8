import Testing
@testable import LiaisonCore

/// The screen that spares URL and domain observables the full scan must never change what is
/// found: on thousands of URLs and host names, plain ones and ones with e-mail addresses, phone
/// numbers, names, identifiers and addresses in the user part, host, path or query, the answer
/// with the screen equals the full scan's, for every role.
@Suite struct ObservableScanTests {
    static let protectorKinds = ProtectionPolicy.standard.scannedKinds.union([.url, .domain])
    let scanners = [PersonalDataScanner(kinds: protectorKinds), PersonalDataScanner()]
    let roles: [ObservableRole] = [.offender, .victim, .unknown, .infrastructure]

    static let hosts = [
        "login-5.bank-phish.example", "login-100000.bank-phish.example", "example.com", "shop.EXAMPLE.com",
        "cpe-89-216-77-45.dynamic.example-isp.rs", "89.216.77.45.dsl.example.net", "45.77.216.89.in-addr.arpa",
        "2001-db8--7.pool.example.org", "marko-petrovic.example.rs", "marko.petrovic.example.rs", "ljubica.example.com",
        "mail.0641234567.example", "host-01.example.org", "host-10.example.org", "1234567890123.example.com",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.example", "me25505000012345678951.example.me", "ME25505000.example.me",
        "AB12cd.example.com", "verification-center.example.com", "xn--80ak6aa92e.com", "пример.срб", "report.pdf",
        "198.51.100.7", "host.local", "login.bank-phish.example.", "-bad.example", "a..b.example", "x.co",
        "marko@example.rs", "evil[.]example.com", "evil(.)example.com", "+381641234567.example.com", "(064)123.example.com",
        "kxxp.example.com", "p4ssw0rd-r3set.example.net", "0101990710006.example.rs",
    ]
    static let urlPrefixes = ["https://", "http://", "ftp://", "hxxps://", "HTTPS://", "https://marko:secret@", "mailto:"]
    static let paths = [
        "", "/", "/signin", "/path/to/page.php", "/u/marko.petrovic@example.rs", "/call/+381641234567", "/call/0641234567",
        "/Marko%20Petrovi%C4%87", "/profile/MarkoPetrovic", "/Marko Petrović", "/iban/ME25505000012345678951",
        "/card/4111-1111-1111-1111", "/card/4111111111111111", "/jmbg/0101990710006", "/tckn/10000000146",
        "/w/bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "/ip/198.51.100.7", "/v6/2001:db8::1", "/a(dot)b", "/a[.]b",
        "/x.", "/x)", "/(064)123-456", "/redirect/https://other.example/marko@example.rs", "/ID/AB12345678",
    ]
    static let tails = [
        "", ":8443", "?q=1", "?email=marko.petrovic@example.rs", "?phone=+381641234567", "?name=Marko+Petrovic",
        "?tel=0641234567", "?id=12345678901", "#frag", "?user=ljubica&x=1",
    ]

    static var urls: [String] {
        var urls: [String] = []
        for host in hosts {
            for prefix in urlPrefixes {
                for path in paths { urls.append(prefix + host + path) }
                for tail in tails { urls.append(prefix + host + "/signin" + tail) }
            }
        }
        urls += ["https://[2001:db8::1]/signin", "https://[2001:db8::1]:8443/", "https://198.51.100.7/login", "https://", ""]
        return urls
    }

    /// Holds the screened scan of each value, as an observable of `kind`, to the full scan for
    /// every scanner and role, and returns how many times the screen spared the full scan.
    func sparedScans(_ values: [String], kind: PersonalDataKind) -> Int {
        var spared = 0
        for scanner in scanners {
            for value in values {
                for role in roles {
                    let isPersonal = { ProtectionPolicy.standard.isPersonal($0, role: role) }
                    let full = scanner.scan(value).filter { isPersonal($0.kind) }
                    #expect(scanner.personalSpans(inObservable: value, kind: kind, isPersonal: isPersonal) == full, "\(value) as \(role)")
                    if scanner.holdsNothingPersonal(observable: value, kind: kind, isPersonal: isPersonal) {
                        spared += 1
                        #expect(full.isEmpty, "\(value) as \(role)")
                    }
                }
            }
        }
        return spared
    }

    @Test("A URL observable's personal parts are the full scan's, with or without the screen")
    func urlsAsTheFullScan() {
        // The screen is not idle: the plain URLs (a good part of these) skip the full scan.
        #expect(sparedScans(Self.urls, kind: .url) > Self.urls.count / 4)
    }

    @Test("A domain observable's personal parts are the full scan's, with or without the screen")
    func domainsAsTheFullScan() {
        let domains = Self.hosts + Self.hosts.map { $0.lowercased() } + Self.hosts.map { "www." + $0 }
        #expect(sparedScans(domains, kind: .domain) > domains.count / 2)
    }

    @Test("Values the screen must leave to the full scan", arguments: [
        ("https://login.example/u/marko.petrovic@example.rs", PersonalDataKind.url),
        ("https://marko:secret@login.example/", .url),
        ("https://login.example/iban/ME25505000012345678951", .url),
        ("https://login.example/card/4111-1111-1111-1111", .url),
        ("https://login.example/x.", .url),
        ("hxxps://login.example/", .url),
        ("https://пример.срб/", .url),
        ("cpe-89-216-77-45.dynamic.example-isp.rs", .domain),
        ("mail.0641234567.example", .domain),
        ("login.bank-phish.example.", .domain),
    ])
    func leftToTheFullScan(value: String, kind: PersonalDataKind) {
        let scanner = PersonalDataScanner(kinds: Self.protectorKinds)
        #expect(!scanner.holdsNothingPersonal(observable: value, kind: kind) { ProtectionPolicy.standard.isPersonal($0, role: .victim) })
    }

    @Test("The bench's and most feeds' values are spared the full scan", arguments: [
        ("https://login-42.bank-phish.example/signin", PersonalDataKind.url),
        ("http://update.example.com:8080/path/to/page.php?q=1#top", .url),
        ("login-42.bank-phish.example", .domain),
    ])
    func spared(value: String, kind: PersonalDataKind) {
        let scanner = PersonalDataScanner(kinds: Self.protectorKinds)
        #expect(scanner.holdsNothingPersonal(observable: value, kind: kind) { ProtectionPolicy.standard.isPersonal($0, role: .offender) })
    }
}

/// The byte screen in front of ``HostnameAddresses`` must never turn away a name that spells an
/// address: whenever it says no, the full reading finds none either.
@Suite struct HostnameAddressScreenTests {
    static let names = [
        "cpe-89-216-77-45.dynamic.example-isp.rs", "89-216-77-45.static.isp.rs", "ip89-216-77-45.adsl.isp.com.tr",
        "89.216.77.45.dsl.example.net", "45.77.216.89.in-addr.arpa", "45.77.216.89.IN-ADDR.ARPA", "2001-db8--7.pool.example.org",
        "ipv6-2001-db8-0-0-0-0-0-7.example.net", "7.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
        "login-5.bank-phish.example", "a.b.c.d.example", "1.2.3.example", "1.2.3.4", "1.2.x.3.4.example", "256.1.1.1.example",
        "host-1-2.example", "host-1.example", "x.arpa", "arpa", "in-addr.arpa", "пример-1-2-3-4.срб", "ex--ample.com",
        "10.0.0.1.", "a..1.2.3.4", "0001.2.3.4.example", "node-10-0-0-1", "k-1-2-3-4.example", "1.2.3.4.5.6.example",
    ]

    @Test("What the screen turns away spells no address; the names that do spell one pass it")
    func screenTurnsAwayOnlyWhatSpellsNothing() {
        var turnedAway = 0
        for name in Self.names {
            let spelled = HostnameAddresses.spelledAddress(in: name)
            if HostnameAddresses.mayHoldAddress(name) { continue }
            turnedAway += 1
            #expect(spelled == nil, "\(name)")
        }
        #expect(turnedAway >= 4)
        for name in Self.names.prefix(9) { #expect(HostnameAddresses.mayHoldAddress(name), "\(name)") }
    }
}
