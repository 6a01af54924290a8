import Crypto
import Foundation
import LiaisonCore
import Testing

/// Checkpoints as C2SP tlog-checkpoint signed notes.
@Suite struct CheckpointTests {
    static let key = CheckpointKey(
        name: "gateway.example/ledger", privateKey: try! Curve25519.Signing.PrivateKey(rawRepresentation: Array(repeating: 7, count: 32)))
    static let root = TreeHash.leaf(Array("root".utf8))

    @Test("A signed checkpoint reads back, verifies, and has the note layout: three lines, a blank line, a signature line")
    func roundTrip() throws {
        let checkpoint = try Self.key.sign(size: 42, root: Self.root)
        let lines = checkpoint.note.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "gateway.example/ledger" && lines[1] == "42" && lines[2] == Substring(Self.root.base64) && lines[3].isEmpty)
        #expect(lines[4].hasPrefix("\u{2014} gateway.example/ledger "))
        // base64(4-byte key ID || 64-byte Ed25519 signature)
        #expect(Data(base64Encoded: String(lines[4].split(separator: " ")[2]))?.count == 68)
        let read = try Checkpoint(note: checkpoint.note)
        #expect(read == checkpoint && Self.key.verifies(read))
        let verifier = try #require(CheckpointKey(verifierKey: Self.key.verifierKey))
        #expect(verifier.verifies(read) && verifier.name == "gateway.example/ledger")
        #expect(Self.key.verifierKey.hasPrefix("gateway.example/ledger+"))
    }

    @Test("A changed size, root or origin, another key, or a damaged signature does not verify")
    func tampering() throws {
        let note = try Self.key.sign(size: 42, root: Self.root).note
        #expect(!Self.key.verifies(try Checkpoint(note: note.replacingOccurrences(of: "\n42\n", with: "\n43\n"))))
        let other = TreeHash.leaf([1]).base64
        #expect(!Self.key.verifies(try Checkpoint(note: note.replacingOccurrences(of: Self.root.base64, with: other))))
        let stranger = CheckpointKey(name: "gateway.example/ledger", privateKey: Curve25519.Signing.PrivateKey())
        #expect(!stranger.verifies(try Checkpoint(note: note)))
        let renamed = CheckpointKey(
            name: "other.example/ledger", privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: Array(repeating: 7, count: 32)))
        #expect(!renamed.verifies(try Checkpoint(note: note)))
        var bytes = Array(note.utf8)
        bytes[bytes.count - 5] = bytes[bytes.count - 5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(!Self.key.verifies(try Checkpoint(note: String(decoding: bytes, as: UTF8.self))))
    }

    @Test("Malformed notes are refused with a reason")
    func malformed() {
        for text in ["", "origin\n12\n", "origin\nx\n\(Self.root.base64)\n\n— k sig\n", "origin\n012\n\(Self.root.base64)\n\n— k a\n",
                     "origin\n12\nnot-base64\n\n— k a\n", "origin\n12\n\(Self.root.base64)\n\n— k a", "o\u{1}\n1\n\(Self.root.base64)\n\n— k a\n"] {
            #expect(throws: CheckpointError.self) { try Checkpoint(note: text) }
        }
        #expect(CheckpointKey(verifierKey: "name+00000000+AAAA") == nil)
        #expect(CheckpointKey(verifierKey: Self.key.verifierKey.replacingOccurrences(of: "+", with: "+0", options: [], range: nil)) == nil)
    }

    @Test("A file of checkpoints, each followed by an empty line, reads back in order")
    func file() throws {
        let first = try Self.key.sign(size: 1, root: Self.root)
        let second = try Self.key.sign(size: 2, root: TreeHash.leaf([2]))
        let read = try Checkpoint.notes(inFile: first.note + "\n" + second.note + "\n")
        #expect(read == [first, second])
    }
}
