/// Rebuilds the ledger's tree from its entries, in index order, and checks it against the
/// hashes sealed for each leaf and against signed checkpoints; names what does not match.
/// Pure: the entries, the sealed hashes and the checkpoints are handed in.
public struct LedgerVerifier: Sendable {
    /// Something wrong, by the entry or checkpoint it concerns.
    public enum Finding: Sendable, Hashable, CustomStringConvertible {
        /// No entry at this index, though later ones exist: deleted.
        case missing(index: Int64)
        /// The entry's content no longer hashes to the leaf sealed at its index: edited.
        case changed(index: Int64)
        /// The entry at `index` is the one sealed at `sealedAt`: rows reordered.
        case moved(index: Int64, sealedAt: Int64)
        /// The entries end at `size`, but a checkpoint covers `checkpointSize`: truncated.
        case truncated(size: Int64, checkpointSize: Int64, source: String)
        /// The tree rebuilt from the entries has another root than the checkpoint of `size`:
        /// entries before `size` were changed together with their sealed hashes.
        case rootDiffers(size: Int64, source: String)
        /// A checkpoint not signed by the ledger's key, or not for its origin.
        case badSignature(size: Int64, source: String)

        public var description: String {
            switch self {
            case .missing(let index): "entry \(index) is missing: deleted"
            case .changed(let index): "entry \(index) was edited: it no longer hashes to the leaf sealed for it"
            case .moved(let index, let sealedAt): "entry \(index) is the entry sealed at \(sealedAt): entries were reordered"
            case .truncated(let size, let checkpointSize, let source):
                "the ledger ends after \(size) entries, but the checkpoint of \(checkpointSize) (\(source)) covers more: truncated"
            case .rootDiffers(let size, let source):
                "the tree of the first \(size) entries does not have the root signed in the checkpoint (\(source)): "
                    + "entries before \(size) were changed together with their sealed hashes"
            case .badSignature(let size, let source):
                "the checkpoint of \(size) (\(source)) is not signed by the ledger's key"
            }
        }

        /// Whether the finding is about the entries rather than a checkpoint's signature.
        var isAboutEntries: Bool {
            if case .badSignature = self { return false }
            return true
        }

        /// The entry the finding names, for ordering findings: the earliest is reported first.
        public var index: Int64 {
            switch self {
            case .missing(let index), .changed(let index), .moved(let index, _): index
            case .truncated(let size, _, _): size
            case .rootDiffers(let size, _), .badSignature(let size, _): size - 1
            }
        }
    }

    private var tree = MerkleAccumulator()
    /// Checkpoints by size, each with where it came from (`database`, a file name).
    private var pending: [(checkpoint: Checkpoint, source: String)]
    private var mismatches: [(index: Int64, content: TreeHash, sealed: TreeHash)] = []
    public private(set) var findings: [Finding] = []
    public private(set) var checkpointsVerified = 0
    /// Reports after this many; the first is what matters.
    public let maxFindings = 100

    /// `key` checks every checkpoint's signature before any entry is read.
    public init(checkpoints: [(Checkpoint, String)], key: CheckpointKey) {
        pending = []
        for (checkpoint, source) in checkpoints {
            if key.verifies(checkpoint) {
                pending.append((checkpoint, source))
            } else {
                findings.append(.badSignature(size: checkpoint.size, source: source))
            }
        }
        pending.sort { $0.checkpoint.size < $1.checkpoint.size }
        checkpointRootsAtSize()
    }

    public var size: Int64 { tree.size }
    public var root: TreeHash { tree.root }

    /// Takes the next entry read, in index order, with the leaf hash sealed for its index.
    public mutating func add(_ entry: LedgerEntry, sealed: TreeHash?) {
        guard findings.count < maxFindings else { return }
        while entry.index > tree.size, findings.count < maxFindings {
            findings.append(.missing(index: tree.size))
            // Keep the tree's shape: a missing leaf still takes its place.
            tree.append(.empty)
            checkpointRootsAtSize()
        }
        let hash = entry.leafHash
        if let sealed, sealed != hash {
            // An earlier mismatch whose content was sealed here moved here from there, and
            // this entry, if sealed there, moved there: a swap names both.
            if let earlier = mismatches.first(where: { $0.content == sealed }),
                let position = findings.firstIndex(of: .changed(index: earlier.index))
            {
                findings[position] = .moved(index: earlier.index, sealedAt: entry.index)
            }
            if let earlier = mismatches.first(where: { $0.sealed == hash }) {
                findings.append(.moved(index: entry.index, sealedAt: earlier.index))
            } else {
                findings.append(.changed(index: entry.index))
            }
            mismatches.append((entry.index, hash, sealed))
        }
        tree.append(hash)
        checkpointRootsAtSize()
    }

    /// Call after the last entry: every checkpoint beyond the entries read is a truncation.
    public mutating func finish() {
        // Past the last finding reported, the tree stops growing: no truncation can be told.
        for (checkpoint, source) in pending where checkpoint.size > tree.size && findings.count < maxFindings {
            findings.append(.truncated(size: tree.size, checkpointSize: checkpoint.size, source: source))
            break
        }
        pending.removeAll()
        findings.sort { $0.index < $1.index }
    }

    private mutating func checkpointRootsAtSize() {
        while let next = pending.first, next.checkpoint.size <= tree.size {
            pending.removeFirst()
            if next.checkpoint.size < tree.size { continue }
            if next.checkpoint.root == tree.root {
                checkpointsVerified += 1
            } else if !findings.contains(where: { $0.isAboutEntries && $0.index < next.checkpoint.size }) {
                findings.append(.rootDiffers(size: next.checkpoint.size, source: next.source))
            }
        }
    }
}
