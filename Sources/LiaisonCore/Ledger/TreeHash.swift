import Crypto
import Foundation

/// A SHA-256 value of the ledger's Merkle tree: a leaf, an interior node or a root. Kept as
/// four words so that a million of them hash, compare and sit in arrays without a heap
/// allocation each.
public struct TreeHash: Hashable, Sendable {
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// Exactly 32 bytes; nil otherwise.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        (w0, w1, w2, w3) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self) { raw in
            for (offset, byte) in bytes.enumerated() { raw[offset] = byte }
        }
    }

    init(_ digest: SHA256.Digest) {
        (w0, w1, w2, w3) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self) { raw in digest.withUnsafeBytes { raw.copyMemory(from: $0) } }
    }

    /// The 32 bytes, in order.
    public var bytes: [UInt8] { withUnsafeBytes(of: self) { Array($0) } }

    /// Standard base64 (RFC 4648 section 4), as checkpoints and proofs write hashes.
    public var base64: String { Data(bytes).base64EncodedString() }

    public init?(base64 text: String) {
        guard let data = Data(base64Encoded: text) else { return nil }
        self.init(bytes: data)
    }

    /// RFC 9162 section 2.1.1: the hash of a leaf, SHA-256(0x00 || bytes).
    public static func leaf(_ bytes: [UInt8]) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [0])
        hasher.update(data: bytes)
        return TreeHash(hasher.finalize())
    }

    /// RFC 9162 section 2.1.1: the hash of an interior node, SHA-256(0x01 || left || right).
    public static func node(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        var hasher = SHA256()
        hasher.update(data: [1])
        withUnsafeBytes(of: left) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: right) { hasher.update(bufferPointer: $0) }
        return TreeHash(hasher.finalize())
    }

    /// RFC 9162 section 2.1.1: the root of the empty tree, SHA-256 of no bytes.
    public static let empty = TreeHash(SHA256.hash(data: [UInt8]()))
}
