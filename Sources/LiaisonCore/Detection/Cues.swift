/// Looks back from a candidate for a cue phrase ("tel:", "numri personal", …). Cues make weak
/// number shapes (an unformatted national phone number, a 10-digit Kosovo number) acceptable.
enum Cues {
    /// True when one of `cues` (lower-case UTF-8) ends just before `start`, allowing spaces and the
    /// punctuation ":.-#/" in between. Only ASCII letters are case-folded; give Cyrillic cues in both cases.
    static func precedes(_ p: Bytes, _ start: Int, cues: [[UInt8]]) -> Bool {
        var j = start - 1
        var skipped = 0
        while j >= 0, skipped < 4, p[j] == 0x20 || p[j] == 0x3A || p[j] == 0x2E || p[j] == 0x2D || p[j] == 0x23 || p[j] == 0x2F {
            j -= 1; skipped += 1
        }
        let end = j + 1
        for cue in cues {
            let s = end - cue.count
            guard s >= 0 else { continue }
            var ok = true
            for k in 0..<cue.count where lowerASCII(p[s + k]) != cue[k] { ok = false; break }
            if ok && (s == 0 || !isAlpha(p[s - 1])) { return true }
        }
        return false
    }
}
