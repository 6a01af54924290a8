/// Converts the scanner's UTF-8 byte ranges into Unicode-scalar offsets (what JSON/Python/most
/// annotation tools count), in a single pass over the text: boundaries are sorted once (the
/// scanner's spans are already sorted, so that is a no-op check), then the bytes are walked once
/// counting scalar lead bytes. O(text + spans·log spans), never O(text · spans).
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
        var next = 0
        var scalars = 0
        var byte = 0
        for b in text.utf8 {
            while next < boundaries.count && boundaries[next].offset == byte { result[boundaries[next].slot] = scalars; next += 1 }
            if b & 0xC0 != 0x80 { scalars += 1 }
            byte += 1
        }
        while next < boundaries.count { result[boundaries[next].slot] = scalars; next += 1 } // offsets at the end
        return (0..<byteRanges.count).map { result[2 * $0]..<result[2 * $0 + 1] }
    }
}
