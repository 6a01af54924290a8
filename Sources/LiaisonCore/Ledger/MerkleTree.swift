/// The ledger's Merkle tree (RFC 9162 section 2.1), described by its perfect subtrees: the
/// node at `level` and `index` covers leaves `index << level ..< (index + 1) << level`.
/// Every subtree a root or a proof needs is one of these or a fold of a few of them, so a
/// store that keeps the perfect subtrees answers any proof with a handful of lookups.
public enum MerkleTree {
    public struct Node: Hashable, Sendable {
        public var level: Int
        public var index: Int64

        public init(level: Int, index: Int64) {
            self.level = level
            self.index = index
        }
    }

    /// The perfect subtrees that make up leaves `range`, largest first. Every range a root or
    /// an RFC 9162 proof asks for starts at a multiple of its largest power of two, so these
    /// sizes fall and the range's hash is their fold from the right (``hash(of:nodes:)``).
    public static func nodes(of range: Range<Int64>) -> [Node] {
        var nodes: [Node] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var level = 0
            while start & ((1 << (level + 1)) - 1) == 0, start + (1 << (level + 1)) <= range.upperBound { level += 1 }
            nodes.append(Node(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }

    /// The hash of leaves `range` (MTH of RFC 9162) from its perfect subtrees; nil when one
    /// of them is not in `nodes`.
    public static func hash(of range: Range<Int64>, nodes known: [Node: TreeHash]) -> TreeHash? {
        guard !range.isEmpty else { return .empty }
        var result: TreeHash?
        for node in nodes(of: range).reversed() {
            guard let hash = known[node] else { return nil }
            result = result.map { TreeHash.node(hash, $0) } ?? hash
        }
        return result
    }

    /// The largest power of two smaller than `n` (n > 1): where RFC 9162 splits a tree.
    static func split(_ n: Int64) -> Int64 {
        var k: Int64 = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// The ranges whose hashes, in order, are the inclusion proof of leaf `index` in the tree
    /// of `size` leaves (RFC 9162 section 2.1.3.1, PATH).
    public static func inclusionRanges(index: Int64, size: Int64) -> [Range<Int64>] {
        precondition(0 <= index && index < size)
        var ranges: [Range<Int64>] = []
        var lower: Int64 = 0
        var upper = size
        while upper - lower > 1 {
            let middle = lower + split(upper - lower)
            if index < middle {
                ranges.append(middle..<upper)
                upper = middle
            } else {
                ranges.append(lower..<middle)
                lower = middle
            }
        }
        return ranges.reversed()
    }

    /// The ranges whose hashes, in order, are the consistency proof between the trees of
    /// `old` and `new` leaves (RFC 9162 section 2.1.4.1, PROOF and SUBPROOF); none when
    /// `old` is 0 or equals `new`.
    public static func consistencyRanges(from old: Int64, to new: Int64) -> [Range<Int64>] {
        precondition(0 <= old && old <= new)
        guard old > 0, old < new else { return [] }
        var ranges: [Range<Int64>] = []
        var lower: Int64 = 0
        var upper = new
        var m = old
        var complete = true
        while m != upper - lower {
            let k = split(upper - lower)
            if m <= k {
                ranges.append(lower + k..<upper)
                upper = lower + k
            } else {
                ranges.append(lower..<lower + k)
                lower += k
                m -= k
                complete = false
            }
        }
        if !complete { ranges.append(lower..<upper) }
        return ranges.reversed()
    }

    /// RFC 9162 section 2.1.3.2: whether `proof` shows the leaf `leaf` at `index` in the tree
    /// of `size` leaves whose root is `root`.
    public static func verifyInclusion(leaf: TreeHash, index: Int64, size: Int64, proof: [TreeHash], root: TreeHash) -> Bool {
        guard 0 <= index, index < size else { return false }
        var fn = index
        var sn = size - 1
        var result = leaf
        for sibling in proof {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                result = .node(sibling, result)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                result = .node(result, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && result == root
    }

    /// RFC 9162 section 2.1.4.2: whether `proof` shows the tree of `new` leaves with root
    /// `newRoot` to extend the tree of `old` leaves with root `oldRoot`.
    public static func verifyConsistency(
        from old: Int64, to new: Int64, proof: [TreeHash], oldRoot: TreeHash, newRoot: TreeHash
    ) -> Bool {
        guard 0 <= old, old <= new else { return false }
        if old == new { return proof.isEmpty && oldRoot == newRoot }
        if old == 0 { return proof.isEmpty }
        var path = proof
        if old & (old - 1) == 0 { path.insert(oldRoot, at: 0) }
        guard let first = path.first else { return false }
        var fn = old - 1
        var sn = new - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = first
        var sr = first
        for c in path.dropFirst() {
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                fr = .node(c, fr)
                sr = .node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0, fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = .node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == oldRoot && sr == newRoot && sn == 0
    }
}

/// A tree built leaf by leaf, keeping only its right edge (one perfect subtree per set bit
/// of its size): a million leaves in constant memory. It names each perfect subtree as it
/// completes, for a store to keep, and gives the root at any size it passes through.
public struct MerkleAccumulator: Sendable {
    public private(set) var size: Int64
    /// The perfect subtrees of the leaves so far, largest first: ``MerkleTree/nodes(of:)`` of `0..<size`.
    private var edge: [(node: MerkleTree.Node, hash: TreeHash)]

    public init() {
        size = 0
        edge = []
    }

    /// Continues a tree of `size` leaves from its edge: the hashes of `MerkleTree.nodes(of: 0..<size)`.
    public init?(size: Int64, edge hashes: [MerkleTree.Node: TreeHash]) {
        self.size = size
        edge = []
        for node in MerkleTree.nodes(of: 0..<size) {
            guard let hash = hashes[node] else { return nil }
            edge.append((node, hash))
        }
    }

    /// Adds a leaf; calls `completed` with the leaf's own node and each larger perfect
    /// subtree the leaf completes.
    public mutating func append(_ leaf: TreeHash, completed: (MerkleTree.Node, TreeHash) -> Void = { _, _ in }) {
        var node = MerkleTree.Node(level: 0, index: size)
        var hash = leaf
        completed(node, hash)
        while let last = edge.last, last.node.level == node.level {
            edge.removeLast()
            hash = .node(last.hash, hash)
            node = MerkleTree.Node(level: node.level + 1, index: last.node.index >> 1)
            completed(node, hash)
        }
        edge.append((node, hash))
        size += 1
    }

    /// The root of the leaves so far (RFC 9162 MTH).
    public var root: TreeHash {
        guard var result = edge.last?.hash else { return .empty }
        for entry in edge.dropLast().reversed() { result = .node(entry.hash, result) }
        return result
    }
}
