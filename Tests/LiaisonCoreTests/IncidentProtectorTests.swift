import Foundation
import LiaisonCore
import Testing

@Suite struct IncidentProtectorTests {
    @Test("Leaves no personal value in the protected incident")
    func noPlaintext() throws {
        let result = Fixtures.protected()
        let json = String(decoding: try CanonicalJSON.encode(result.incident), as: UTF8.self).lowercased()
        for secret in ["ana.markovic", "123 4567", "641234567"] {
            #expect(!json.contains(secret))
        }
        #expect(json.contains("bank-login.example.net"))
        #expect(json.contains("203.0.113.7"))
    }

    @Test("Gives the same value the same token throughout an incident")
    func sameValueSameToken() throws {
        let result = Fixtures.protected()
        let emails = result.vault.filter { $0.token.kind == .email }
        #expect(emails.count == 1)
        #expect(emails.first?.plaintext == "ana.markovic@example.rs")
        let token = try #require(emails.first?.token.text)
        #expect(result.incident.description.components(separatedBy: token).count == 3)
        #expect(result.incident.observables[1].value == token)
        #expect(result.vault.filter { $0.token.kind == .phone }.count == 1)
    }

    @Test("Records every redaction by place, kind and detector, without values")
    func redactions() throws {
        let result = Fixtures.protected()
        let fields = Set(result.incident.redactions.map(\.field))
        #expect(fields == ["/observables/1/value", "/observables/2/value", "/description"])
        let json = String(decoding: try CanonicalJSON.encode(result.incident.redactions), as: UTF8.self)
        #expect(!json.contains("markovic"))
    }

    @Test("Keeps the victim role of structured observables for the vault")
    func roles() {
        let result = Fixtures.protected()
        #expect(result.vault.first { $0.token.kind == .email }?.role == .victim)
        #expect(result.naturalKey == "event-id:1")
    }
}
