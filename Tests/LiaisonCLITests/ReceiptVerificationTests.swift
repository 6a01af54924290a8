import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite(.timeLimit(.minutes(5))) struct ReceiptVerificationTests {
    @Test("A receipt from the gateway verifies with liaison receipts verify and with Python's cryptography; a tampered one fails both")
    func independentVerification() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let draft = IncidentDraft(
                naturalKey: "k", classification: .undetermined, tlp: .green, title: "Prijava — ćirilica: Пријава", description: "",
                firstSeen: nil, lastSeen: nil, observables: [])
            let receipt = try await IntakeFixture.commit(db.store, [draft])
            try await verifyIndependently(try #require(try await db.store.receipt(id: receipt.id, producer: "cert")), signer: db.store.signer)
        }
    }

    @Test("A STIX receipt with per-object outcomes, versions and rejections verifies the same way")
    func stixReceipt() async throws {
        try await TestDatabase.withSchema { (db) async throws in
            _ = try await db.store.createAPIKey(organisation: "cert", role: .producer).key
            let draft = IncidentDraft(
                naturalKey: "stix:indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", classification: .undetermined, tlp: .amber,
                title: "Lažna stranica banke", description: "", firstSeen: nil, lastSeen: nil, observables: [],
                modified: Date(timeIntervalSince1970: 1_790_000_000))
            let objects: [IntakeObject] = [
                .init(objectID: "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", version: "2026-11-20T10:00:00.000Z", drafts: [0]),
                .init(objectID: "identity--311b2d2d-f010-4473-83ec-1edf84858f4c", drafts: []),
                .init(objectID: nil, drafts: [], problems: [.init(pointer: "/objects/2/id", reason: "is required")]),
            ]
            let receipt = try await IntakeFixture.commit(db.store, [draft], objects: objects, transport: .httpSTIX)
            #expect(receipt.outcomes.map(\.status) == [.accepted, .accepted, .rejected])
            try await verifyIndependently(try #require(try await db.store.receipt(id: receipt.id, producer: "cert")), signer: db.store.signer)
        }
    }

    /// Checks the receipt with Python's `cryptography` (deploy/local/verify-receipt.py) and
    /// `liaison receipts verify`, in the very bytes the gateway stored and answers; a copy
    /// with one status changed must fail both.
    func verifyIndependently(_ stored: SignedReceipt, signer: ReceiptSigner) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let receiptFile = directory.appendingPathComponent("receipt.json")
        let tamperedFile = directory.appendingPathComponent("tampered.json")
        let keyFile = directory.appendingPathComponent("key.jwk")
        let json = String(decoding: stored.document, as: UTF8.self)
        try json.write(to: receiptFile, atomically: true, encoding: .utf8)
        try json.replacingOccurrences(of: "\"accepted\"", with: "\"duplicate\"").write(to: tamperedFile, atomically: true, encoding: .utf8)
        try CanonicalJSON.encode(signer.publicKey).write(to: keyFile)

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("deploy/local/verify-receipt.py").path
        let python = try await BuiltBinary.run([script, receiptFile.path, keyFile.path], program: "python3")
        #expect(python.status == 0, "\(python.stdout) \(python.stderr)")
        #expect(try await BuiltBinary.run([script, tamperedFile.path, keyFile.path], program: "python3").status == 1)

        let valid = try await BuiltBinary.run(["receipts", "verify", receiptFile.path, "--public-key", keyFile.path])
        #expect(valid.status == 0, "\(valid.stderr)")
        let invalid = try await BuiltBinary.run(["receipts", "verify", tamperedFile.path, "--public-key", keyFile.path])
        #expect(invalid.status == 65)
    }
}
