import Foundation
import LiaisonCore
import LiaisonIntake
import Testing

/// Golden tests: the STIX 2.1 walkthrough examples, rebuilt with synthetic values.
@Suite struct STIXBundleReaderTests {
    let reader = STIXBundleReader(defaultTLP: .amber)

    @Test("An indicator that indicates malware becomes one incident with the malware folded in")
    func indicatorIndicatesMalware() throws {
        let reading = try reader.read(try stixFixture("indicator-indicates-malware"))
        #expect(reading.incidents.count == 1)
        let incident = try #require(reading.incidents.first)
        #expect(incident.stixID == stixID("indicator", 1))
        #expect(incident.draft.naturalKey == "stix:" + stixID("indicator", 1))
        #expect(incident.draft.title == "Malicious site hosting downloader")
        #expect(incident.draft.observables == [
            Observable(kind: .ipv4, value: "198.51.100.3", role: .offender),
            Observable(kind: .url, value: "http://downloader.example/setup.exe", role: .offender),
        ])
        #expect(incident.draft.classification == Classification(taxonomy: "malicious-code", type: "infected-system"))
        #expect(incident.draft.description == "Malware: Example Ransom")
        #expect(incident.draft.tlp == .amber)
        #expect(incident.draft.firstSeen == RFC3339.date(from: "2024-03-01T00:00:00Z"))
        #expect(incident.modified == RFC3339.date(from: "2024-03-02T10:00:00.000Z"))
        #expect(incident.objectIndices == [0, 2, 1])
        #expect(reading.objects.map(\.disposition) == [.incident(0), .included([0]), .included([0])])
        #expect(incident.custody("stix.id") == stixID("indicator", 1))
        #expect(incident.custody("stix.type") == "indicator")
        #expect(incident.custody("stix.modified") == "2024-03-02T10:00:00.000Z")
    }

    @Test("A sighting of an indicator at an identity is one incident; the identity is the victim")
    func sightingOfIndicator() throws {
        let reading = try reader.read(try stixFixture("sighting-of-indicator"))
        #expect(reading.incidents.count == 1)
        let incident = try #require(reading.incident(stixID("sighting", 12)))
        #expect(incident.draft.title == "STIX sighting domain")
        #expect(incident.draft.observables == [Observable(kind: .domain, value: "login.bank.example", role: .offender)])
        #expect(incident.draft.description == "Sighted 3 times\nVictim organisation: Example Bank")
        #expect(incident.draft.firstSeen == RFC3339.date(from: "2024-03-01T00:00:00Z"))
        #expect(incident.draft.lastSeen == RFC3339.date(from: "2024-03-01T09:30:00Z"))
        #expect(incident.draft.classification == .undetermined)
        #expect(reading.outcome(stixID("indicator", 11))?.disposition == .included([0]))
        #expect(reading.outcome(stixID("identity", 10))?.disposition == .included([0]))
    }

    @Test("A report becomes one incident with what it lists; TLP is the most restrictive marking")
    func reportWithMarkings() throws {
        let reading = try reader.read(try stixFixture("report-marked"))
        #expect(reading.incidents.count == 1)
        let incident = try #require(reading.incident(stixID("report", 20)))
        #expect(incident.draft.tlp == .red)
        #expect(incident.draft.classification == Classification(taxonomy: "fraud", type: "phishing"))
        #expect(Set(incident.draft.observables) == [
            Observable(kind: .email, value: "sender@phish.example", role: .unknown),
            Observable(kind: .url, value: "https://phish.example/login", role: .offender),
        ])
        #expect(incident.draft.firstSeen == RFC3339.date(from: "2024-03-01T00:00:00Z"))
        #expect(incident.draft.lastSeen == RFC3339.date(from: "2024-03-01T07:00:00Z"))
        #expect(incident.custody("stix.created_by_ref") == stixID("identity", 29))
        #expect(incident.custody("stix.external_references") == #"[{"external_id":"CERT-2024-0001","source_name":"cert-example"}]"#)
        // The author identity is metadata, not content.
        #expect(reading.outcome(stixID("identity", 29))?.disposition == .context)
        #expect(reading.outcome(stixID("email-addr", 22))?.disposition == .included([0]))
    }

    @Test("Observed-data with the deprecated embedded objects yields their values; ports are skipped")
    func observedDataEmbedded() throws {
        let reading = try reader.read(try stixFixture("observed-data-embedded"))
        let incident = try #require(reading.incidents.first)
        #expect(incident.draft.title == "STIX observed-data ipv4")
        #expect(incident.draft.observables == [
            Observable(kind: .ipv4, value: "203.0.113.9", role: .unknown),
            Observable(kind: .domain, value: "c2.example", role: .unknown),
        ])
        #expect(incident.draft.lastSeen == RFC3339.date(from: "2024-03-01T06:05:00Z"))
    }

    @Test("An incident with the Incident Core Extension reaches its refs, relationships and notes")
    func incidentCore() throws {
        let reading = try reader.read(try stixFixture("incident-core"))
        #expect(reading.incidents.count == 1)
        let incident = try #require(reading.incidents.first)
        #expect(incident.draft.classification == Classification(taxonomy: "intrusions", type: "unprivileged-account-compromise"))
        #expect(incident.draft.observables == [
            Observable(kind: .userAccount, value: "jdoe-example", role: .unknown),
            Observable(kind: .person, value: "Jane Example", role: .unknown),
            Observable(kind: .person, value: "Jane Example", role: .victim),
            Observable(kind: .ipv4, value: "192.0.2.77", role: .offender),
        ])
        #expect(incident.draft.description == """
            Customer accounts were taken over.
            Threat actor: Example Crew
            Note: Victim reported via hotline.
            """)
        #expect(incident.custody("stix.identity") == "+381 11 000 0000")
        #expect(incident.custody("stix.missing_refs") == stixID("event", 99))
        // Custom properties, and SDO types Liaison does not map (infrastructure), are kept whole.
        let custom = try #require(incident.custody("stix.custom"))
        #expect(custom.hasPrefix(#"{"incident--00000040-0000-4000-8000-000000000040":{"x_producer_ticket":"T-1"},"#))
        #expect(custom.contains(#""name":"Example proxy""#))
        #expect(reading.objects.allSatisfy { $0.disposition != .context })
    }

    @Test("Only the optional objects property may be absent from a bare TAXII object list")
    func bareObjectList() throws {
        guard case .object(let bundle) = try stixFixture("indicator-indicates-malware"), case .array(let objects)? = bundle["objects"]
        else { throw CancellationError() }
        #expect(try reader.read(objects: objects).incidents.count == 1)
    }

    @Test("Reads each understood Cyber-observable Object type, following SCO references")
    func everyObservableType() throws {
        let reading = try reader.read(try stixFixture("observables-all"))
        #expect(reading.incidents.count == 1)
        let incident = try #require(reading.incidents.first)
        #expect(Set(incident.draft.observables) == [
            Observable(kind: .url, value: "https://files.example/invoice.zip", role: .unknown),
            Observable(kind: .domain, value: "files.example", role: .unknown),
            Observable(kind: .ipv4, value: "198.51.100.7", role: .unknown),
            Observable(kind: .asn, value: "64500", role: .unknown),
            Observable(kind: .ipv6, value: "2001:db8::7", role: .unknown),
            Observable(kind: .other, value: "mac:00:00:5e:00:53:01", role: .unknown),
            Observable(kind: .email, value: "billing@files.example", role: .unknown),
            Observable(kind: .person, value: "Billing Example", role: .unknown),
            Observable(kind: .email, value: "clerk@victim.example", role: .unknown),
            Observable(kind: .userAccount, value: "clerk", role: .unknown),
            Observable(kind: .fileName, value: "invoice.zip", role: .unknown),
            Observable(kind: .hashMD5, value: "0cc175b9c0f1b6a831c399e269772661", role: .unknown),
            Observable(kind: .hashSHA256, value: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", role: .unknown),
            Observable(kind: .other, value: "hash-sha512:1f40fc92", role: .unknown),
            Observable(kind: .other, value: "x509-fingerprint:aa11", role: .unknown),
        ])
        #expect(incident.draft.description == "E-mail subject: Your invoice")
        #expect(reading.objects.dropFirst().allSatisfy { $0.disposition == .included([0]) })
    }

    @Test("Keeps at most maxObservablesPerIncident observables and counts the rest")
    func observableBound() throws {
        let bounded = STIXBundleReader(limits: STIXLimits(maxObservablesPerIncident: 2), defaultTLP: .amber)
        let pattern = "[ipv4-addr:value = '192.0.2.1'] OR [ipv4-addr:value = '192.0.2.2'] OR [ipv4-addr:value = '192.0.2.3']"
        let incident = try #require(try bounded.read(stixBundle([stixIndicator(1, pattern: pattern)])).incidents.first)
        #expect(incident.draft.observables.map(\.value) == ["192.0.2.1", "192.0.2.2"])
        #expect(incident.custody("stix.observables_dropped") == "1 over the limit of 2")
    }
}
