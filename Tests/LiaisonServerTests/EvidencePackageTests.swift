import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LiaisonCore
import LiaisonServer
import LiaisonStore
import LiaisonTestSupport
import LiaisonTestTools
import Testing

/// An evidence package of a real intake and read: it verifies with `liaison evidence verify`,
/// with the standalone Python script, and with neither after any byte is changed.
@Suite(.timeLimit(.minutes(5))) struct EvidencePackageTests {
    static let purpose: HTTPFields = [HTTPField.Name("Liaison-Purpose")!: "case=KT-2026-0419; basis=ZKP art. 286"]

    @Test("A consumer's package of a pushed and read incident verifies with the CLI and with Python, and fails after any byte is changed")
    func consumerPackage() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            let producer = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let police = try await db.store.createAPIKey(organisation: "police", role: .consumer, person: "Petra Analyst").key
            let stranger = try await db.store.createAPIKey(organisation: "prosecutor", role: .consumer, person: "Sava Lawyer").key
            let auditor = try await db.store.createAPIKey(organisation: "operator", role: .auditor, person: "Ida Auditor").key
            var dependencies = try await GatewayFixture.dependencies(db, agreements: [GatewayFixture.agreement(webhookURL: nil)])
            dependencies.governance = AgreementGovernance(operatorOrganisation: "operator")
            let app = Application(router: buildRouter(dependencies))
            let pushed = try await postEvents(app, key: producer, body: Array(GatewayFixture.event().utf8))
            let incident = try #require((pushed.json["incident_ids"] as? [String])?.first)
            #expect(try await routerRequest(app, .get, "/v1/incidents/\(incident)/evidence", key: police).status == .notFound)
            let read = try await routerRequest(app, .get, "/v1/incidents/\(incident)", key: police, headers: Self.purpose)
            #expect(read.status == .ok, "\(read.text)")

            let unstated = try await routerRequest(app, .get, "/v1/incidents/\(incident)/evidence", key: police)
            #expect(unstated.status == .preconditionRequired, "\(unstated.text)")
            let answer = try await routerRequest(app, .get, "/v1/incidents/\(incident)/evidence", key: police, headers: Self.purpose)
            #expect(answer.status == .ok, "\(answer.text)")
            #expect(!answer.text.contains(GatewayFixture.victimEmail) && !answer.text.contains("\"receipts\""))
            let document = try CanonicalJSON.decode(JSONValue.self, from: Data(answer.text.utf8))
            let report = EvidenceVerifier.verify(document, trusted: db.store.signer.publicKey)
            #expect(report.problems.isEmpty && report.disclosures == 1 && report.custody == 1 && report.entries == 2, "\(report)")

            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("evidence.json")
            let keyFile = directory.appendingPathComponent("key.jwk")
            try Data(answer.text.utf8).write(to: file)
            try CanonicalJSON.encode(db.store.signer.publicKey).write(to: keyFile)
            let script = TestPython.root.appendingPathComponent("deploy/local/verify-evidence.py").path
            let cli = try await BuiltBinary.run(["evidence", "verify", file.path, "--public-key", keyFile.path])
            #expect(cli.status == 0 && cli.stdout.contains("1 disclosures, 1 custody records"), "\(cli.stderr)")
            let python = try await BuiltBinary.run([script, file.path, keyFile.path], program: "python3")
            #expect(python.status == 0, "\(python.stdout) \(python.stderr)")

            // Any byte changed: the package no longer verifies (every other byte, in process).
            let bytes = Array(answer.text.utf8)
            for position in stride(from: 0, to: bytes.count, by: 2) {
                var changed = bytes
                changed[position] = changed[position] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
                guard let tampered = try? CanonicalJSON.decode(JSONValue.self, from: Data(changed)) else { continue }
                #expect(!EvidenceVerifier.verify(tampered).problems.isEmpty, "byte \(position) changed and still verifies")
            }
            // And with the CLI and Python, a changed projection and a changed proof.
            for (old, new) in [("Phishing against", "Phishing againsT"), ("\"proof\":[\"", "\"proof\":[\"A")] {
                let tampered = directory.appendingPathComponent("tampered.json")
                try answer.text.replacingOccurrences(of: old, with: new).write(to: tampered, atomically: true, encoding: .utf8)
                #expect(try await BuiltBinary.run(["evidence", "verify", tampered.path]).status == 65)
                #expect(try await BuiltBinary.run([script, tampered.path], program: "python3").status == 1)
            }

            #expect(try await routerRequest(app, .get, "/v1/incidents/\(incident)/evidence", key: stranger).status == .notFound)
            let operatorPackage = try await routerRequest(app, .get, "/v1/incidents/\(incident)/evidence", key: auditor)
            #expect(operatorPackage.status == .ok && operatorPackage.text.contains("\"receipts\""))
            // The operator proves each disclosure by its digest and is not shown the projection.
            #expect(!operatorPackage.text.contains("\"projection\""))
            let full = EvidenceVerifier.verify(try CanonicalJSON.decode(JSONValue.self, from: Data(operatorPackage.text.utf8)))
            #expect(full.problems.isEmpty && full.receipts == 1 && full.disclosures == 1, "\(full)")
            // Giving the package again was a disclosure to the police, with its purpose.
            let again = try await db.store.auditEntries(
                from: nil, to: nil, actor: nil, subject: "incident:\(incident.uppercased())", action: "disclose", after: nil, limit: 10)
            #expect(again.contains { $0.details.member("transport") == .string("evidence-package") })
            let entries = try await db.store.auditEntries(
                from: nil, to: nil, actor: "police", subject: nil, action: "evidence-package", after: nil, limit: 10)
            #expect(entries.count == 1)
        }
    }
}
