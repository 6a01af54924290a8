import Crypto
import Foundation
import LiaisonCore
import Testing

/// What the verifier names for each kind of tampering, on entries held in memory.
@Suite struct LedgerVerifierTests {
    static let key = CheckpointKey(
        name: "gateway.example/ledger", privateKey: try! Curve25519.Signing.PrivateKey(rawRepresentation: Array(repeating: 9, count: 32)))

    static func entries(_ count: Int) -> [LedgerEntry] {
        (0..<count).map {
            LedgerEntry(
                index: Int64($0), at: "2026-12-03T10:00:\(String(format: "%02d", $0 % 60)).000000Z", actor: "cert", action: "intake",
                subject: "receipt:\($0)", details: .object(["accepted": .number(Double($0))]))
        }
    }

    /// The sealed hashes and checkpoints at sizes 10 and 20 of 20 honest entries.
    static let sealed: ([TreeHash], [(Checkpoint, String)]) = {
        let all = entries(20)
        var tree = MerkleAccumulator()
        var checkpoints: [(Checkpoint, String)] = []
        for entry in all {
            tree.append(entry.leafHash)
            if tree.size % 10 == 0 { checkpoints.append((try! key.sign(size: tree.size, root: tree.root), "database")) }
        }
        return (all.map(\.leafHash), checkpoints)
    }()

    static func verify(_ entries: [LedgerEntry], sealedHashes: [TreeHash]? = nil, checkpoints: [(Checkpoint, String)]? = nil)
        -> [LedgerVerifier.Finding]
    {
        var verifier = LedgerVerifier(checkpoints: checkpoints ?? sealed.1, key: key)
        let hashes = sealedHashes ?? sealed.0
        for entry in entries { verifier.add(entry, sealed: entry.index < hashes.count ? hashes[Int(entry.index)] : nil) }
        verifier.finish()
        return verifier.findings
    }

    @Test("Honest entries verify against both checkpoints")
    func honest() {
        var verifier = LedgerVerifier(checkpoints: Self.sealed.1, key: Self.key)
        for (entry, hash) in zip(Self.entries(20), Self.sealed.0) { verifier.add(entry, sealed: hash) }
        verifier.finish()
        #expect(verifier.findings.isEmpty && verifier.checkpointsVerified == 2 && verifier.size == 20)
    }

    @Test("An edited detail names its entry")
    func edited() {
        var entries = Self.entries(20)
        entries[7].details = .object(["accepted": .number(999)])
        #expect(Self.verify(entries).first == .changed(index: 7))
    }

    @Test("A deleted entry is named as missing")
    func deleted() {
        var entries = Self.entries(20)
        entries.remove(at: 5)
        #expect(Self.verify(entries).first == .missing(index: 5))
    }

    @Test("Two swapped entries name each other")
    func swapped() {
        var entries = Self.entries(20)
        (entries[3].index, entries[12].index) = (12, 3)
        entries.swapAt(3, 12)
        #expect(Self.verify(entries) == [.moved(index: 3, sealedAt: 12), .moved(index: 12, sealedAt: 3)])
    }

    @Test("Truncation below a checkpoint is named, with the checkpoint that shows it")
    func truncated() {
        #expect(Self.verify(Array(Self.entries(20).prefix(13))) == [.truncated(size: 13, checkpointSize: 20, source: "database")])
        #expect(Self.verify([]) == [.truncated(size: 0, checkpointSize: 10, source: "database")])
    }

    @Test("Entries changed together with their sealed hashes still differ from the signed root")
    func rewritten() {
        var entries = Self.entries(20)
        entries[14].details = .object(["accepted": .number(1)])
        var hashes = Self.sealed.0
        hashes[14] = entries[14].leafHash
        #expect(Self.verify(entries, sealedHashes: hashes) == [.rootDiffers(size: 20, source: "database")])
    }

    @Test("A checkpoint signed by another key is named")
    func forged() throws {
        let stranger = CheckpointKey(name: Self.key.name, privateKey: Curve25519.Signing.PrivateKey())
        let forged = try stranger.sign(size: 20, root: TreeHash.empty)
        #expect(Self.verify(Self.entries(20), checkpoints: Self.sealed.1 + [(forged, "copy.txt")])
            == [.badSignature(size: 20, source: "copy.txt")])
    }
}
