import Foundation
import LiaisonCore
@testable import LiaisonIntake
import Testing

/// A minimal IntelMQ phishing event with `fields` added (replacing a base field of the same key).
func intelMQEvent(_ fields: String = "") -> String {
    let base = [
        #""classification.taxonomy": "fraud""#, #""classification.type": "phishing""#, #""feed.name": "Test Feed""#,
        #""time.observation": "2026-11-01T08:00:00+00:00""#,
    ].filter { !fields.hasPrefix($0.prefix { $0 != ":" }) }
    return "{" + (base + (fields.isEmpty ? [] : [fields])).joined(separator: ", ") + "}"
}

func intelMQDraft(_ fields: String = "", schema: EventBatchParser.Schema = .intelmq) throws -> IncidentDraft {
    let drafts = try EventBatchParser().parse(Array(intelMQEvent(fields).utf8), format: .jsonArray, schema: schema)
    return try #require(drafts.first)
}

func intelMQProblems(_ fields: String) -> [FieldProblem] {
    do {
        _ = try EventBatchParser().parse(Array(intelMQEvent(fields).utf8), format: .ndjson, schema: .intelmq)
        return []
    } catch {
        guard case .invalidEvents(let problems, _) = error else { return [] }
        return problems.listed
    }
}

@Suite struct IntelMQEventReaderTests {
    enum Expected: Sendable {
        case observable(ObservableKind, String, ObservableRole)
        case verbatim(String, String)
        case text(String, String)
        /// Free text from a field named for e-mail addresses: any address in it is personal.
        case addresses(String, String)
    }

    static let mapping: [(String, String, Expected)] = [
        ("source.ip", #""198.51.100.23""#, .observable(.ipv4, "198.51.100.23", .offender)),
        ("destination.ip", #""2001:DB8::1""#, .observable(.ipv6, "2001:db8::1", .victim)),
        ("source.local_ip", #""10.0.0.5""#, .observable(.ipv4, "10.0.0.5", .offender)),
        ("source.fqdn", #""Login-Bank.Example.net""#, .observable(.domain, "login-bank.example.net", .offender)),
        ("destination.fqdn", #""shop.example.org""#, .observable(.domain, "shop.example.org", .victim)),
        ("source.reverse_dns", #""host7.example.net""#, .observable(.domain, "host7.example.net", .offender)),
        ("source.url", #""https://login-bank.example.net/rs/""#, .observable(.url, "https://login-bank.example.net/rs/", .offender)),
        ("destination.url", #""https://shop.example.org/""#, .observable(.url, "https://shop.example.org/", .victim)),
        ("source.asn", "64496", .observable(.asn, "64496", .offender)),
        ("destination.asn", "64511", .observable(.asn, "64511", .victim)),
        ("source.account", #""botmaster""#, .observable(.userAccount, "botmaster", .offender)),
        ("destination.account", #""jovana@example.rs""#, .observable(.email, "jovana@example.rs", .victim)),
        ("source.abuse_contact", #""abuse@example.net""#, .observable(.email, "abuse@example.net", .infrastructure)),
        ("destination.abuse_contact", #""noc@example.org""#, .observable(.email, "noc@example.org", .infrastructure)),
        ("malware.hash.md5", #""D41D8CD98F00B204E9800998ECF8427E""#, .observable(.hashMD5, "d41d8cd98f00b204e9800998ecf8427e", .offender)),
        ("malware.hash.sha1", #""da39a3ee5e6b4b0d3255bfef95601890afd80709""#, .observable(.hashSHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709", .offender)),
        ("malware.hash.sha256", #""e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""#,
         .observable(.hashSHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", .offender)),
        ("source.port", "8080", .verbatim("intelmq.source.port", "8080")),
        ("destination.port", "443", .verbatim("intelmq.destination.port", "443")),
        ("source.geolocation.cc", #""RS""#, .verbatim("intelmq.source.geolocation.cc", "RS")),
        ("destination.geolocation.latitude", "44.8", .verbatim("intelmq.destination.geolocation.latitude", "44.8")),
        ("source.as_name", #""EXAMPLE-AS""#, .verbatim("intelmq.source.as_name", "EXAMPLE-AS")),
        ("source.network", #""198.51.100.0/24""#, .verbatim("intelmq.source.network", "198.51.100.0/24")),
        ("destination.network", #""203.0.113.0/24""#, .text("intelmq.destination.network", "203.0.113.0/24")),
        ("destination.local_hostname", #""marko-laptop""#, .text("intelmq.destination.local_hostname", "marko-laptop")),
        ("protocol.application", #""http""#, .verbatim("intelmq.protocol.application", "http")),
        ("protocol.transport", #""tcp""#, .verbatim("intelmq.protocol.transport", "tcp")),
        ("feed.name", #""Other Feed""#, .verbatim("intelmq.feed.name", "Other Feed")),
        ("feed.provider", #""Example CERT""#, .verbatim("intelmq.feed.provider", "Example CERT")),
        ("feed.accuracy", "90.5", .verbatim("intelmq.feed.accuracy", "90.5")),
        ("feed.url", #""https://feeds.example.net/phish.csv""#, .verbatim("intelmq.feed.url", "https://feeds.example.net/phish.csv")),
        ("classification.identifier", #""zeus""#, .verbatim("intelmq.classification.identifier", "zeus")),
        ("malware.name", #""zeus""#, .verbatim("intelmq.malware.name", "zeus")),
        ("time.observation", #""2026-11-02T08:00:00+00:00""#, .verbatim("intelmq.time.observation", "2026-11-02T08:00:00+00:00")),
        ("event_description.url", #""https://cert.example.rs/a/1""#, .text("intelmq.event_description.url", "https://cert.example.rs/a/1")),
        ("extra.victim_note", #""called +381 64 123 4567""#, .text("intelmq.extra.victim_note", "called +381 64 123 4567")),
        ("extra.count", "3", .text("intelmq.extra.count", "3")),
        ("extra.tags", #"["a", "b"]"#, .text("intelmq.extra.tags", #"["a","b"]"#)),
        ("comment", #""seen twice""#, .text("intelmq.comment", "seen twice")),
        ("extra.victim_email", #""ana@firma.intranet""#, .addresses("intelmq.extra.victim_email", "ana@firma.intranet")),
        ("extra.reporter.e_mail", #""x@cert.lan, y@cert.lan""#, .addresses("intelmq.extra.reporter.e_mail", "x@cert.lan, y@cert.lan")),
        ("destination.email", #""marko@home.corp""#, .addresses("intelmq.destination.email", "marko@home.corp")),
        ("source.urlpath", #""/rs/""#, .text("intelmq.source.urlpath", "/rs/")),
    ]

    @Test("Maps each IntelMQ field to its observable or custody field", arguments: mapping)
    func mapsField(key: String, json: String, expected: Expected) throws {
        let draft = try intelMQDraft("\"\(key)\": \(json)")
        switch expected {
        case .observable(let kind, let value, let role):
            #expect(draft.observables == [Observable(kind: kind, value: value, role: role)])
        case .verbatim(let name, let value):
            #expect(draft.custody.contains(CustodyField(name: name, content: .verbatim(value))))
            #expect(draft.observables.isEmpty)
        case .text(let name, let value):
            #expect(draft.custody.contains(CustodyField(name: name, content: .text(value))))
            #expect(draft.observables.isEmpty)
        case .addresses(let name, let value):
            #expect(draft.custody.contains(CustodyField(name: name, content: .addressText(value))))
            #expect(draft.observables.isEmpty)
        }
    }

    @Test("Takes description, times, TLP and a title from classification and feed")
    func eventFields() throws {
        let draft = try intelMQDraft(#""event_description.text": "Phishing kit", "time.source": "2026-10-31T22:15:00.123456+00:00", "tlp": "GREEN""#)
        #expect(draft.description == "Phishing kit")
        let expected = try #require(RFC3339.date(from: "2026-10-31T22:15:00Z"))
        #expect(abs(try #require(draft.firstSeen).timeIntervalSince(expected) - 0.123456) < 0.001)
        #expect(draft.lastSeen == draft.firstSeen)
        #expect(draft.tlp == .green)
        #expect(draft.title == "fraud/phishing reported by IntelMQ feed Test Feed")
        #expect(draft.classification == Classification(taxonomy: "fraud", type: "phishing"))
        #expect(try intelMQDraft(#""tlp": "WHITE""#).tlp == .clear)
        #expect(try intelMQDraft().tlp == .amber)
    }

    @Test("Lists every abuse contact of a comma-separated list")
    func abuseContacts() throws {
        let draft = try intelMQDraft(#""source.abuse_contact": "abuse@example.net, noc@example.net""#)
        #expect(draft.observables.map(\.value) == ["abuse@example.net", "noc@example.net"])
    }

    static let classifications: [(String?, String?, String, String)] = [
        ("fraud", "phishing", "fraud", "phishing"),
        ("malicious-code", "c2-server", "malicious-code", "c2-server"),
        ("malicious code", "c2server", "malicious-code", "c2-server"),
        ("malicious code", "ransomware", "malicious-code", "infected-system"),
        ("abusive content", "spam", "abusive-content", "spam"),
        ("information gathering", "scanner", "information-gathering", "scanner"),
        ("intrusion attempts", "brute-force", "intrusion-attempts", "brute-force"),
        ("intrusions", "compromised", "intrusions", "system-compromise"),
        ("intrusions", "backdoor", "intrusions", "system-compromise"),
        ("intrusions", "defacement", "information-content-security", "unauthorised-information-modification"),
        ("information content security", "leak", "information-content-security", "data-leak"),
        ("vulnerable", "vulnerable service", "vulnerable", "vulnerable-system"),
        ("vulnerable", "vulnerable client", "vulnerable", "vulnerable-system"),
        ("other", "unknown", "other", "undetermined"),
        ("fraud", "unauthorized-use-of-resources", "fraud", "unauthorised-use-of-resources"),
        ("Fraud", "Phishing", "fraud", "phishing"),
        (" fraud", "phishing ", "fraud", "phishing"),
        ("FRAUD", "phishinG", "fraud", "phishing"),
        (nil, "phishing", "fraud", "phishing"),
        ("malicious code", "malware", "other", "undetermined"),
        ("other", "tor", "other", "undetermined"),
        ("other", "dga-domain", "other", "undetermined"),
        ("fraud", "c2-server", "other", "undetermined"),
        ("made-up", "made-up", "other", "undetermined"),
        (nil, nil, "other", "undetermined"),
    ]

    @Test("Reads IntelMQ 3 RSIT names and IntelMQ 2 legacy names; anything else is undetermined", arguments: classifications)
    func classification(taxonomy: String?, type: String?, rsitTaxonomy: String, rsitType: String) throws {
        var fields = [#""time.observation": "2026-11-01T08:00:00+00:00""#]
        if let taxonomy { fields.append("\"classification.taxonomy\": \"\(taxonomy)\"") }
        if let type { fields.append("\"classification.type\": \"\(type)\"") }
        let body = "{" + fields.joined(separator: ", ") + "}"
        let draft = try #require(try EventBatchParser().parse(Array(body.utf8), format: .jsonArray, schema: .intelmq).first)
        #expect(draft.classification.taxonomy == rsitTaxonomy && draft.classification.type == rsitType)
        if let type { #expect(draft.custody.contains(CustodyField(name: "intelmq.classification.type", content: .verbatim(type)))) }
        if let taxonomy { #expect(draft.custody.contains(CustodyField(name: "intelmq.classification.taxonomy", content: .verbatim(taxonomy)))) }
        let unmapped = draft.custody.contains { $0.name == "intelmq.classification.unmapped" }
        #expect(unmapped == ((taxonomy != nil || type != nil) && rsitType == "undetermined" && type != "unknown"))
    }

    @Test("Keeps only the SHA-256 of raw, never its content")
    func rawDigest() throws {
        let abc = try intelMQDraft(#""raw": "YWJj""#)
        #expect(abc.custody.contains(CustodyField(
            name: "intelmq.raw_sha256", content: .verbatim("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))))
        let line = "2026-11-01,198.51.100.23,jovana.petrovic@example.rs,UniqueRawMarker"
        let encoded = Data(line.utf8).base64EncodedString()
        let draft = try intelMQDraft("\"raw\": \"\(encoded)\"")
        let everything = String(describing: draft)
        #expect(!everything.contains("UniqueRawMarker") && !everything.contains("petrovic") && !everything.contains(encoded))
        #expect(draft.observables.isEmpty)
    }

    static let invalid: [(String, String, String)] = [
        (#""raw": "not base64!""#, "/0/raw", "base64"),
        (#""source.ip": "198.51.100.300""#, "/0/source.ip", "IPv4 or IPv6"),
        (#""destination.ip": "10.0.0.0/8""#, "/0/destination.ip", "IPv4 or IPv6"),
        (#""source.port": 70000"#, "/0/source.port", "port"),
        (#""source.asn": "AS64496""#, "/0/source.asn", "AS number"),
        (#""source.fqdn": "not a domain""#, "/0/source.fqdn", "domain"),
        (#""malware.hash.md5": "xyz""#, "/0/malware.hash.md5", "hexadecimal"),
        (#""time.source": "yesterday""#, "/0/time.source", "date-time"),
        (#""tlp": "orange""#, "/0/tlp", "TLP"),
        (#""source.abuse_contact": "call us""#, "/0/source.abuse_contact", "e-mail"),
        (#""event_description.text": 7"#, "/0/event_description.text", "string"),
        (#""source.url/x": "a""#, "/0/source.url~1x", "field name"),
        (#""Source.IP": "198.51.100.1""#, "/0/Source.IP", "field name"),
        (#""title": "a Liaison key""#, "/0/title", "Liaison"),
        (#""source": {"ip": "nope"}"#, "/0/source/ip", "IPv4 or IPv6"),
        (#""source": {"ip": "198.51.100.1"}, "source.ip": "198.51.100.1""#, "/0/source.ip", "twice"),
    ]

    @Test("Reports each bad field by its JSON Pointer, a dotted key being one segment", arguments: invalid)
    func invalidField(fields: String, pointer: String, reason: String) {
        let problems = intelMQProblems(fields)
        #expect(problems.map(\.pointer) == [pointer])
        #expect(problems.first?.reason.contains(reason) == true)
    }

    @Test("Reads nested events as IntelMQ's hierarchical_output writes them")
    func hierarchical() throws {
        let body = #"{"classification": {"taxonomy": "fraud", "type": "phishing"}, "source": {"ip": "198.51.100.23", "port": 80}, "time": {"observation": "2026-11-01T08:00:00+00:00"}}"#
        let drafts = try EventBatchParser().parse(Array(body.utf8), format: .jsonArray)
        #expect(drafts.first?.observables == [Observable(kind: .ipv4, value: "198.51.100.23", role: .offender)])
        #expect(drafts.first?.custody.contains(CustodyField(name: "intelmq.source.port", content: .verbatim("80"))) == true)
    }

    @Test("Gives a re-sent event the same natural key however it is spelled")
    func naturalKey() throws {
        let a = #"{"source.ip": "198.51.100.23", "classification.type": "phishing", "time.observation": "2026-11-01T08:00:00+00:00"}"#
        let b = #"{ "time.observation":"2026-11-01T08:00:00+00:00","classification.type":"phishing",  "source.ip":"198.51.100.23" }"#
        let c = #"{"source.ip": "198.51.100.24", "classification.type": "phishing", "time.observation": "2026-11-01T08:00:00+00:00"}"#
        let keys = try [a, b, c].map { try EventBatchParser().parse(Array($0.utf8), format: .ndjson)[0].naturalKey }
        #expect(keys[0].hasPrefix("intelmq-sha256:") && keys[0].count == 15 + 64)
        #expect(keys[0] == keys[1] && keys[0] != keys[2])
    }

    @Test("The natural key is the SHA-256 of the event's canonical form, flat, nested or with names outside ASCII", arguments: [
        #"{"source.ip": "198.51.100.23", "classification.type": "phishing", "feed.accuracy": 90.0, "source.asn": 64500}"#,
        #"{"source": {"ip": "198.51.100.23"}, "classification.type": "phishing"}"#,
        #"{"source.ip": "198.51.100.23", "extra": {}}"#,
        #"{"source.ip": "198.51.100.23", "extra.list": [1, "a\"b", {"z": 1, "a": null}], "extra.none": null}"#,
        #"{"source.ip": "198.51.100.23", "extra.\u00e9t\u00e9": "x", "extra.\uE000": "y", "extra.\uD800\uDC00": "z", "extra.Z": "w"}"#,
        #"{"raw": "aGk=", "__type": "Event", "time.source": "2026-11-01T08:00:00+00:00"}"#,
    ])
    func naturalKeyIsTheCanonicalDigest(line: String) throws {
        let draft = try #require(try EventBatchParser().parse(Array(line.utf8), format: .ndjson, schema: .intelmq).first)
        let value = try StrictJSONParser().parse(Array(line.utf8))
        // The general writer's digest: canonical bytes of the whole value, names sorted.
        #expect(draft.naturalKey == "intelmq-sha256:" + EventReader.digest(of: value))
    }
}

@Suite struct EventFormatDetectionTests {
    static let detection: [(String, Bool)] = [
        (#"{"source.ip": "198.51.100.1"}"#, true),
        (#"{"classification.type": "phishing", "tlp": "AMBER"}"#, true),
        (#"{"feed.name": "x"}"#, true),
        (#"{"time.observation": "2026-11-01T08:00:00Z"}"#, true),
        (#"{"time": {"observation": "2026-11-01T08:00:00Z"}}"#, true),
        (#"{"classification": {"taxonomy": "test", "type": "test"}, "title": "t"}"#, false),
        (#"{"source.ip": "198.51.100.1", "title": "t"}"#, false),
        (#"{"malware.name": "zeus"}"#, false),
        (#"{"classification": {"taxonomy": "test", "type": "test"}}"#, false),
        ("[1]", false),
    ]

    @Test("Detects IntelMQ by its sections and the absence of Liaison-only keys", arguments: detection)
    func detects(json: String, isIntelMQ: Bool) throws {
        let value = try StrictJSONParser().parse(Array(json.utf8))
        #expect(IntelMQEventReader.looksLikeIntelMQ(value) == isIntelMQ)
    }

    @Test("Auto-detects per event, so one batch may mix both schemas")
    func mixedBatch() throws {
        let liaison = #"{"id": "ev-1", "classification": {"taxonomy": "test", "type": "test"}, "title": "t"}"#
        let drafts = try EventBatchParser().parse(Array((liaison + "\n" + intelMQEvent() + "\n").utf8), format: .ndjson)
        #expect(drafts.map { $0.naturalKey.prefix(8) } == ["event-id", "intelmq-"])
    }

    @Test("The schema parameter forces one reading")
    func forced() throws {
        let liaisonReading = #expect(throws: IntakeError.self) {
            try EventBatchParser().parse(Array(intelMQEvent().utf8), format: .jsonArray, schema: .liaison)
        }
        guard case .invalidEvents(let problems, _)? = liaisonReading else {
            Issue.record("expected invalid events")
            return
        }
        #expect(problems.contains { $0.pointer == "/0/feed.name" && $0.reason == "is not a property of an event" })
        let liaison = #"{"classification": {"taxonomy": "test", "type": "test"}, "title": "t"}"#
        let intelMQReading = #expect(throws: IntakeError.self) {
            try EventBatchParser().parse(Array(liaison.utf8), format: .jsonArray, schema: .intelmq)
        }
        guard case .invalidEvents(let problems, _)? = intelMQReading else {
            Issue.record("expected invalid events")
            return
        }
        #expect(problems.map(\.pointer) == ["/0/title"])
    }
}

@Suite struct IntelMQFixtureTests {
    @Test("Reads a synthetic IntelMQ 3 and 2.x feed export as NDJSON")
    func fixture() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/intelmq-events.ndjson", withExtension: nil))
        let drafts = try EventBatchParser().parse(Array(try Data(contentsOf: url)), format: .ndjson)
        #expect(drafts.map(\.classification.type) == ["infected-system", "phishing", "c2-server"])
        #expect(drafts[0].observables.contains(Observable(kind: .ipv4, value: "192.0.2.10", role: .victim)))
        #expect(drafts[0].custody.contains(CustodyField(name: "intelmq.destination.port", content: .verbatim("23"))))
        #expect(drafts[0].custody.contains { $0.name == "intelmq.raw_sha256" })
        #expect(drafts[1].observables.filter { $0.role == .infrastructure }.count == 2)
        #expect(drafts[1].tlp == .green && drafts[1].description == "Phishing page imitating a bank")
        #expect(drafts[2].observables.contains(Observable(kind: .ipv6, value: "2001:db8::53", role: .offender)))
        #expect(drafts[2].observables.contains { $0.kind == .hashSHA256 && $0.value.hasPrefix("e3b0") })
    }
}
