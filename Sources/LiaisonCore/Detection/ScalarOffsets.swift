/// Converts the scanner's UTF-8 byte ranges into Unicode-scalar offsets (what JSON/Python/most
/// annotation tools count), in a single pass over the text: boundaries are sorted once (the
/// scanner's spans are already sorted, so that is a no-op check), then the bytes are walked once
/// counting scalar lead bytes, eight a step. O(text + spans·log spans), never O(text · spans).
public enum ScalarOffsets {
    public static func scalarRanges(of spans: [DetectedSpan], in text: String) -> [Range<Int>] {
        scalarRanges(of: spans.map(\.utf8Range), in: text)
    }

    public static func scalarRanges(of byteRanges: [Range<Int>], in text: String) -> [Range<Int>] {
        // (byte offset, slot) where slot 2k is the start of range k and 2k+1 its end.
        var boundaries: [(offset: Int, slot: Int)] = []
        boundaries.reserveCapacity(byteRanges.count * 2)
        var sorted = true
        for (k, r) in byteRanges.enumerated() {
            if let last = boundaries.last, last.offset > r.lowerBound { sorted = false }
            boundaries.append((r.lowerBound, 2 * k))
            boundaries.append((r.upperBound, 2 * k + 1))
        }
        if !sorted { boundaries.sort { $0.offset < $1.offset } }
        var result = [Int](repeating: 0, count: boundaries.count)
        var copy = text
        copy.withUTF8 { p in
            var byte = 0, scalars = 0
            for boundary in boundaries {  // offsets past the end are the text's end, negative ones its start
                let offset = max(byte, min(boundary.offset, p.count))
                scalars += scalarCount(p, byte..<offset)
                byte = offset
                result[boundary.slot] = scalars
            }
        }
        return (0..<byteRanges.count).map { result[2 * $0]..<result[2 * $0 + 1] }
    }

    /// The scalars that start in `r` of `p`: its bytes less the continuation bytes (`10xxxxxx`),
    /// counted eight bytes a step.
    static func scalarCount(_ p: Bytes, _ r: Range<Int>) -> Int {
        var k = r.lowerBound, continuation = 0
        while k + 8 <= r.upperBound {
            let w = p.eightBytes(at: k)
            continuation += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            k += 8
        }
        while k < r.upperBound { if p[k] & 0xC0 == 0x80 { continuation += 1 }; k += 1 }
        return r.count - continuation
    }
}
