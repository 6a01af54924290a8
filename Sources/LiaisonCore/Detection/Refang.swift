/// Undoes the "defanging" analysts apply so indicators are not clickable: hxxp/hxxps/fxp schemes,
/// [.] (.) {.} [dot] (dot) {dot}, [at] (at) {at} [@] (@), [:] [://], with optional spaces around
/// the word markers ("user (at) example (dot) com"). Detectors run on the refanged bytes; `Refanged`
/// keeps a sparse edit list to map offsets back to the text as written.
struct Refanged {
    /// One replaced marker: ref bytes [refStart, refStart + refLength) came from original [origStart, origEnd).
    struct Edit { var refStart: Int; var refLength: Int; var origStart: Int; var origEnd: Int }

    var bytes: [UInt8]
    var edits: [Edit]

    /// Offset in the original text of the byte at ref offset `r`. `hint` is where the last lookup
    /// ended: offsets asked in increasing order (sorted, disjoint spans) cost one pass over the edits.
    func originalStart(_ r: Int, hint: inout Int) -> Int {
        guard let k = lastEdit(atOrBefore: r, hint: &hint) else { return r }
        let e = edits[k]
        if r < e.refStart + e.refLength { return e.origStart }
        return r - (e.refStart + e.refLength) + e.origEnd
    }

    /// Exclusive end in the original text of a ref range ending (exclusive) at `r`.
    func originalEnd(_ r: Int, hint: inout Int) -> Int {
        guard r > 0, let k = lastEdit(atOrBefore: r - 1, hint: &hint) else { return r }
        let e = edits[k]
        if r - 1 < e.refStart + e.refLength { return e.origEnd }
        return r - (e.refStart + e.refLength) + e.origEnd
    }

    /// The last edit starting at or before `r`: walked forward from `hint`, or searched by halves
    /// when `r` lies before it.
    private func lastEdit(atOrBefore r: Int, hint: inout Int) -> Int? {
        if hint > 0 && edits[hint - 1].refStart > r {
            var lo = 0, hi = hint
            while lo < hi {
                let mid = (lo + hi) / 2
                if edits[mid].refStart <= r { lo = mid + 1 } else { hi = mid }
            }
            hint = lo
        }
        while hint < edits.count && edits[hint].refStart <= r { hint += 1 }
        return hint == 0 ? nil : hint - 1
    }

    private static let markers: [(inner: [UInt8], replacement: [UInt8], word: Bool)] = [
        (Array(ascii: "."), Array(ascii: "."), false), (Array(ascii: "dot"), Array(ascii: "."), true),
        (Array(ascii: "at"), Array(ascii: "@"), true), (Array(ascii: "@"), Array(ascii: "@"), false),
        (Array(ascii: "://"), Array(ascii: "://"), false), (Array(ascii: ":"), Array(ascii: ":"), false),
    ]

    /// Matches a bracketed marker at `i`; returns replacement, marker end, and whether it is a word marker.
    private static func marker(_ p: Bytes, at i: Int) -> (replacement: [UInt8], end: Int, word: Bool)? {
        let open = p[i]
        let close: UInt8 = open == 0x5B ? 0x5D : open == 0x28 ? 0x29 : 0x7D
        for m in markers where p.matchesLower(m.inner, at: i + 1) && p.at(i + 1 + m.inner.count) == close {
            return (m.replacement, i + 2 + m.inner.count, m.word)
        }
        return nil
    }

    /// The bytes a marker or a defanged scheme can start at: "[", "(", "{", and the "x" of "hxxp" or "fxp".
    private static let opens: [Bool] = (0..<256).map { $0 == 0x5B || $0 == 0x28 || $0 == 0x7B || $0 == 0x78 || $0 == 0x58 }

    init(_ p: Bytes) {
        var out: [UInt8]? = nil
        var edits: [Edit] = []
        var i = 0
        var copiedUpTo = 0
        let n = p.count
        func flush(_ upTo: Int) {
            if out == nil { out = []; out!.reserveCapacity(n) }
            out!.append(contentsOf: UnsafeBufferPointer(rebasing: p[copiedUpTo..<upTo]))
            copiedUpTo = upTo
        }
        let opens = Refanged.opens
        while i < n {
            // "[" is found as "{" and "X" as "x" once 0x20 is or-ed in; `opens` sorts out the rest.
            i = p.firstIndex(of: 0x7B, 0x78, 0x28, from: i, orMask: 0x20)
            guard i < n else { break }
            let b = p[i]
            guard opens[Int(b)] else { i += 1; continue }
            if b == 0x5B || b == 0x28 || b == 0x7B, let m = Refanged.marker(p, at: i) {
                var origStart = i, origEnd = m.end
                // Word markers swallow one space on each side: "user (at) example (dot) com".
                if m.word && p.at(i - 1) == 0x20 && p.at(m.end) == 0x20 && isAlnum(p.at(i - 2)) && isAlnum(p.at(m.end + 1)) {
                    origStart -= 1; origEnd += 1
                }
                flush(origStart)
                edits.append(Edit(refStart: out!.count, refLength: m.replacement.count, origStart: origStart, origEnd: origEnd))
                out!.append(contentsOf: m.replacement)
                i = origEnd
                copiedUpTo = origEnd
                continue
            }
            // hxxp(s):// and fxp:// — same length, so no edit record is needed.
            if (b | 0x20) == 0x78, i > 0, (p[i - 1] | 0x20 == 0x68 || p[i - 1] | 0x20 == 0x66) {
                let isH = p[i - 1] | 0x20 == 0x68
                if isH, p.at(i + 1) | 0x20 == 0x78, p.at(i + 2) | 0x20 == 0x70, !isAlnum(p.at(i - 2)),
                   p.at(i + 3) == 0x3A || p.at(i + 3) == 0x5B || (p.at(i + 3) | 0x20 == 0x73 && (p.at(i + 4) == 0x3A || p.at(i + 4) == 0x5B)) {
                    flush(i)
                    out!.append(contentsOf: [0x74, 0x74])
                    i += 2; copiedUpTo = i
                    continue
                }
                if !isH, p.at(i + 1) | 0x20 == 0x70, !isAlnum(p.at(i - 2)), p.at(i + 2) == 0x3A || p.at(i + 2) == 0x5B {
                    flush(i)
                    out!.append(0x74)
                    i += 1; copiedUpTo = i
                    continue
                }
            }
            i += 1
        }
        if out != nil { flush(n) }
        self.bytes = out ?? []
        self.edits = edits
        self.changed = out != nil
    }

    /// False when the text contained nothing to refang (then `bytes` is empty and the caller uses the original).
    var changed: Bool
}

/// Undo defanging in one value: hxxp/hxxps/fxp, [.] (.) [dot] (dot) {.}, [at] (at) [@], [:]  etc.
public func undefang(_ value: String) -> String {
    let utf8 = Array(value.utf8)
    return utf8.withUnsafeBufferPointer { p in
        let r = Refanged(p)
        return r.changed ? String(decoding: r.bytes, as: UTF8.self) : value
    }
}
