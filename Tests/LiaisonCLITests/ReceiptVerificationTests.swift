import Foundation
import LiaisonCore
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(3))) struct ReceiptVerificationTests {
    @Test("A receipt from the gateway verifies with liaison receipts verify and with Python's cryptography; a tampered one fails both")
    func independentVerification() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer)
            let draft = IncidentDraft(
                naturalKey: "k", classification: .undetermined, tlp: .green, title: "Prijava — ćirilica: Пријава", description: "",
                firstSeen: nil, lastSeen: nil, observables: [])
            let receipt = try await db.store.commitIntake(
                .init(producer: "cert", transport: .httpEvents, idempotencyKey: nil, bodySHA256: Data(repeating: 1, count: 32),
                      receivedAt: Date(), incidents: [IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date())]),
                agreements: [])
            let stored = try #require(try await db.store.receipt(id: receipt.id, producer: "cert"))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let receiptFile = directory.appendingPathComponent("receipt.json")
            let tamperedFile = directory.appendingPathComponent("tampered.json")
            let keyFile = directory.appendingPathComponent("key.jwk")
            let json = String(decoding: try CanonicalJSON.encode(stored), as: UTF8.self)
            try json.write(to: receiptFile, atomically: true, encoding: .utf8)
            try json.replacingOccurrences(of: "\"accepted\"", with: "\"duplicate\"").write(to: tamperedFile, atomically: true, encoding: .utf8)
            try CanonicalJSON.encode(db.store.signer.publicKey).write(to: keyFile)

            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let script = root.appendingPathComponent("deploy/local/verify-receipt.py").path
            let python = try BuiltBinary.run([script, receiptFile.path, keyFile.path], program: "python3")
            #expect(python.status == 0, "\(python.stdout) \(python.stderr)")
            #expect(try BuiltBinary.run([script, tamperedFile.path, keyFile.path], program: "python3").status == 1)

            let valid = try BuiltBinary.run(["receipts", "verify", receiptFile.path, "--public-key", keyFile.path])
            #expect(valid.status == 0, "\(valid.stderr)")
            let invalid = try BuiltBinary.run(["receipts", "verify", tamperedFile.path, "--public-key", keyFile.path])
            #expect(invalid.status == 65)
        }
    }
}
