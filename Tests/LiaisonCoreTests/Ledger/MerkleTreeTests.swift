import Crypto
import Foundation
import LiaisonCore
import Testing

/// The tree, its proofs and their checks, against RFC 9162's definitions written out
/// recursively here, as the RFC states them (section 2.1.1, 2.1.3.1, 2.1.4.1).
@Suite struct MerkleTreeTests {
    static func leaves(_ count: Int) -> [TreeHash] {
        (0..<count).map { TreeHash.leaf(Array("entry \($0)".utf8)) }
    }

    /// MTH(D[n]) of RFC 9162 section 2.1.1.
    static func mth(_ hashes: ArraySlice<TreeHash>) -> TreeHash {
        if hashes.isEmpty { return .empty }
        if hashes.count == 1 { return hashes.first! }
        var k = 1
        while k * 2 < hashes.count { k *= 2 }
        let start = hashes.startIndex
        return .node(mth(hashes[start..<start + k]), mth(hashes[(start + k)...]))
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ hashes: ArraySlice<TreeHash>) -> [TreeHash] {
        if hashes.count <= 1 { return [] }
        var k = 1
        while k * 2 < hashes.count { k *= 2 }
        let start = hashes.startIndex
        if m < k { return path(m, hashes[start..<start + k]) + [mth(hashes[(start + k)...])] }
        return path(m - k, hashes[(start + k)...]) + [mth(hashes[start..<start + k])]
    }

    /// SUBPROOF(m, D[n], b).
    static func subproof(_ m: Int, _ hashes: ArraySlice<TreeHash>, _ complete: Bool) -> [TreeHash] {
        if m == hashes.count { return complete ? [] : [mth(hashes)] }
        var k = 1
        while k * 2 < hashes.count { k *= 2 }
        let start = hashes.startIndex
        if m <= k { return subproof(m, hashes[start..<start + k], complete) + [mth(hashes[(start + k)...])] }
        return subproof(m - k, hashes[(start + k)...], false) + [mth(hashes[start..<start + k])]
    }

    /// Every perfect subtree of a tree of `count` leaves, as the accumulator names them.
    static func nodes(_ leaves: [TreeHash]) -> (MerkleAccumulator, [MerkleTree.Node: TreeHash]) {
        var tree = MerkleAccumulator()
        var nodes: [MerkleTree.Node: TreeHash] = [:]
        for leaf in leaves { tree.append(leaf) { nodes[$0] = $1 } }
        return (tree, nodes)
    }

    @Test("The empty tree's root is SHA-256 of nothing; one leaf's root is its leaf hash")
    func smallTrees() {
        #expect(TreeHash.empty.bytes.map { String(format: "%02x", $0) }.joined()
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(MerkleAccumulator().root == .empty)
        let leaf = TreeHash.leaf([])
        // RFC 9162: the leaf hash of the empty string is SHA-256(0x00).
        #expect(leaf.bytes == Array(SHA256.hash(data: [0])))
    }

    @Test("Roots, inclusion and consistency proofs equal RFC 9162's recursive definitions, for every size to 70")
    func proofsMatchTheRFC() {
        let all = Self.leaves(70)
        let (_, nodes) = Self.nodes(all)
        for size in 1...70 {
            let hashes = all[0..<size]
            var tree = MerkleAccumulator()
            for leaf in hashes { tree.append(leaf) }
            let root = Self.mth(hashes)
            #expect(tree.root == root, "root of \(size)")
            #expect(MerkleTree.hash(of: 0..<Int64(size), nodes: nodes) == root)
            for index in 0..<size {
                let ranges = MerkleTree.inclusionRanges(index: Int64(index), size: Int64(size))
                let proof = ranges.map { MerkleTree.hash(of: $0, nodes: nodes)! }
                #expect(proof == Self.path(index, hashes), "path \(index) of \(size)")
                #expect(MerkleTree.verifyInclusion(leaf: all[index], index: Int64(index), size: Int64(size), proof: proof, root: root))
            }
            for old in 1..<size {
                let ranges = MerkleTree.consistencyRanges(from: Int64(old), to: Int64(size))
                let proof = ranges.map { MerkleTree.hash(of: $0, nodes: nodes)! }
                #expect(proof == Self.subproof(old, hashes, true), "consistency \(old) → \(size)")
                #expect(MerkleTree.verifyConsistency(
                    from: Int64(old), to: Int64(size), proof: proof, oldRoot: Self.mth(all[0..<old]), newRoot: root))
            }
        }
    }

    @Test("A changed leaf, sibling, index, size or root fails the check")
    func wrongProofsFail() {
        let all = Self.leaves(23)
        let (tree, nodes) = Self.nodes(all)
        let proof = MerkleTree.inclusionRanges(index: 9, size: 23).map { MerkleTree.hash(of: $0, nodes: nodes)! }
        #expect(MerkleTree.verifyInclusion(leaf: all[9], index: 9, size: 23, proof: proof, root: tree.root))
        #expect(!MerkleTree.verifyInclusion(leaf: all[8], index: 9, size: 23, proof: proof, root: tree.root))
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 8, size: 23, proof: proof, root: tree.root))
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 9, size: 12, proof: proof, root: tree.root))
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 9, size: 23, proof: proof, root: all[0]))
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 9, size: 23, proof: Array(proof.dropLast()), root: tree.root))
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 23, size: 23, proof: proof, root: tree.root))
        var changed = proof
        changed[1] = all[3]
        #expect(!MerkleTree.verifyInclusion(leaf: all[9], index: 9, size: 23, proof: changed, root: tree.root))

        let old = Self.mth(all[0..<7])
        let consistency = MerkleTree.consistencyRanges(from: 7, to: 23).map { MerkleTree.hash(of: $0, nodes: nodes)! }
        #expect(MerkleTree.verifyConsistency(from: 7, to: 23, proof: consistency, oldRoot: old, newRoot: tree.root))
        #expect(!MerkleTree.verifyConsistency(from: 7, to: 23, proof: consistency, oldRoot: all[0], newRoot: tree.root))
        #expect(!MerkleTree.verifyConsistency(from: 6, to: 23, proof: consistency, oldRoot: old, newRoot: tree.root))
        #expect(!MerkleTree.verifyConsistency(from: 7, to: 23, proof: Array(consistency.dropFirst()), oldRoot: old, newRoot: tree.root))
    }

    @Test("A tree continued from a stored edge ends where the whole tree does")
    func continuesFromEdge() throws {
        let all = Self.leaves(45)
        let (whole, nodes) = Self.nodes(all)
        for sealed in [0, 1, 16, 17, 31, 44] {
            var tree = try #require(MerkleAccumulator(size: Int64(sealed), edge: nodes))
            for leaf in all[sealed...] { tree.append(leaf) }
            #expect(tree.root == whole.root)
        }
        #expect(MerkleAccumulator(size: 5, edge: [:]) == nil)
    }
}
