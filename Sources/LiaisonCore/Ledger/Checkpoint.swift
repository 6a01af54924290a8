import Crypto
import Foundation

/// A signed statement of the ledger's size and root: a C2SP `tlog-checkpoint` in the C2SP
/// `signed-note` format, signed with Ed25519. Its text is three lines, the origin (the
/// log's name), the tree size in decimal and the root in base64, then a blank line and a
/// signature line `— <origin> base64(key ID || signature)`. Any tool that reads
/// transparency-log checkpoints (Go's `golang.org/x/mod/sumdb/note`, for one) checks it.
public struct Checkpoint: Sendable, Hashable {
    public var origin: String
    public var size: Int64
    public var root: TreeHash
    /// The whole signed note, as published.
    public var note: String

    /// The note's text: what the signature covers.
    public static func text(origin: String, size: Int64, root: TreeHash) -> String {
        "\(origin)\n\(size)\n\(root.base64)\n"
    }

    /// Reads a signed note: the three lines and the signature lines. The signatures are
    /// checked by ``CheckpointKey/verifies(_:)``, not here.
    public init(note: String) throws(CheckpointError) {
        guard note.utf8.count <= 16_384, !note.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw .malformed("a checkpoint is at most 16 KiB of text without control characters")
        }
        let parts = note.components(separatedBy: "\n\n")
        guard parts.count == 2, parts[1].hasSuffix("\n") else {
            throw .malformed("a checkpoint is its text, a blank line and signature lines, each ending in a newline")
        }
        let lines = parts[0].split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, !lines[0].isEmpty, let size = Int64(lines[1]), size >= 0, String(size) == lines[1],
            let root = TreeHash(base64: String(lines[2]))
        else {
            throw .malformed("a checkpoint's text is the origin, the tree size in decimal and the root hash in base64")
        }
        origin = String(lines[0])
        self.size = size
        self.root = root
        self.note = note
    }

    init(origin: String, size: Int64, root: TreeHash, note: String) {
        self.origin = origin
        self.size = size
        self.root = root
        self.note = note
    }

    /// The signed text: everything up to and including the newline before the blank line.
    var signedText: Substring {
        let end = note.range(of: "\n\n").map(\.lowerBound) ?? note.endIndex
        return note[..<note.index(after: end)]
    }

    /// The signature lines, each as key name and base64.
    var signatures: [(name: Substring, value: Substring)] {
        guard let start = note.range(of: "\n\n")?.upperBound else { return [] }
        return note[start...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("\u{2014} ") else { return nil }
            let fields = line.dropFirst(2).split(separator: " ")
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
    }

    /// Reads a file of checkpoints as ``CheckpointKey``'s publishers append them: notes one
    /// after another, each followed by one empty line.
    public static func notes(inFile text: String) throws(CheckpointError) -> [Checkpoint] {
        var checkpoints: [Checkpoint] = []
        var current: [Substring] = []
        var inSignatures = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if inSignatures, !current.isEmpty {
                    checkpoints.append(try Checkpoint(note: current.joined(separator: "\n") + "\n"))
                    current = []
                    inSignatures = false
                } else if !current.isEmpty {
                    current.append(line)
                    inSignatures = true
                }
                continue
            }
            current.append(line)
        }
        if !current.isEmpty { checkpoints.append(try Checkpoint(note: current.joined(separator: "\n") + "\n")) }
        return checkpoints
    }
}

public enum CheckpointError: Error, Equatable, Sendable {
    case malformed(String)
}

/// The Ed25519 key that signs and checks checkpoints, under a name: the ledger's origin.
public struct CheckpointKey: Sendable {
    public let name: String
    public let publicKey: Curve25519.Signing.PublicKey
    private let privateKey: Curve25519.Signing.PrivateKey?

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
        publicKey = privateKey.publicKey
    }

    public init(name: String, publicKey: Curve25519.Signing.PublicKey) {
        self.name = name
        self.publicKey = publicKey
        privateKey = nil
    }

    /// A verifier key as C2SP signed-note writes it: `<name>+<key ID hex>+<base64(0x01 || key)>`.
    public init?(verifierKey text: String) {
        let fields = text.split(separator: "+", omittingEmptySubsequences: false)
        guard fields.count == 3, let raw = Data(base64Encoded: String(fields[2])), raw.count == 33, raw.first == 1,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw.dropFirst())
        else { return nil }
        self.init(name: String(fields[0]), publicKey: key)
        guard fields[1] == keyIDHex else { return nil }
    }

    /// C2SP signed-note: SHA-256(name || 0x0A || 0x01 || public key), first four bytes.
    public var keyID: [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, 0x01])
        hasher.update(data: publicKey.rawRepresentation)
        return Array(hasher.finalize().prefix(4))
    }

    var keyIDHex: String { keyID.map { String(format: "%02x", $0) }.joined() }

    public var verifierKey: String {
        "\(name)+\(keyIDHex)+\(Data([1] + publicKey.rawRepresentation).base64EncodedString())"
    }

    /// Signs the checkpoint of `size` leaves with root `root`.
    public func sign(size: Int64, root: TreeHash) throws -> Checkpoint {
        guard let privateKey else { throw CheckpointError.malformed("a verifier key cannot sign") }
        let text = Checkpoint.text(origin: name, size: size, root: root)
        let signature = try privateKey.signature(for: Array(text.utf8))
        let line = "\u{2014} \(name) \(Data(keyID + signature).base64EncodedString())\n"
        return Checkpoint(origin: name, size: size, root: root, note: text + "\n" + line)
    }

    /// Whether the checkpoint names this key's origin and carries a valid signature by it.
    /// Signatures by other keys are ignored, as signed-note asks.
    public func verifies(_ checkpoint: Checkpoint) -> Bool {
        guard checkpoint.origin == name else { return false }
        let message = Array(checkpoint.signedText.utf8)
        let id = keyID
        return checkpoint.signatures.contains { signature in
            guard signature.name == name, let raw = Data(base64Encoded: String(signature.value)), raw.count == 68,
                Array(raw.prefix(4)) == id
            else { return false }
            return publicKey.isValidSignature(raw.dropFirst(4), for: message)
        }
    }
}
