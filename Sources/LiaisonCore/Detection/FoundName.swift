/// A name found: the ranges of its words, their stems (to find the person again) and the rule.
struct FoundName {
    var words: [Range<Int>]
    var stems: [UInt64]
    var detector: String
    var start: Int { words[0].lowerBound }
    var end: Int { words[words.count - 1].upperBound }
    var range: Range<Int> { start..<end }

    /// The name with its words joined by single spaces, built in one allocation.
    func candidate(_ p: Bytes) -> Candidate {
        let length = words.reduce(words.count - 1) { $0 + $1.count }
        let normalised = String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for word in words {
                if k > 0 { out[k] = 0x20; k += 1 }
                for b in p[word] { out[k] = b; k += 1 }
            }
            return k
        }
        return Candidate(kind: .person, start: start, end: end, detector: detector, normalised: normalised)
    }
}

extension Array where Element == FoundName {
    /// Removes the names that overlap one of `ranges`, each name looked up by binary search
    /// (`RangeIndex`): one pass however many ranges a table or message gives.
    mutating func removeOverlapping(_ ranges: [Range<Int>]) {
        guard !ranges.isEmpty else { return }
        let index = RangeIndex(ranges)
        removeAll { index.overlaps($0.range) }
    }
}

/// Ranges sorted by start, asked whether any of them overlaps a range in O(log n) however they
/// overlap each other: a rule that checks each of its names against all the names found stays linear.
struct RangeIndex {
    private var starts: [Int] = []
    private var reach: [Int] = []  // the furthest end among the ranges up to each

    init<S: Sequence>(_ ranges: S) where S.Element == Range<Int> {
        var furthest = Int.min
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            starts.append(r.lowerBound)
            furthest = Swift.max(furthest, r.upperBound)
            reach.append(furthest)
        }
    }

    /// Some range overlaps `r`.
    func overlaps(_ r: Range<Int>) -> Bool { furthestEnd(startingBefore: r.upperBound) > r.lowerBound }

    /// Some range holds `r`: starts at or before it and ends at or after it.
    func holds(_ r: Range<Int>) -> Bool { furthestEnd(startingBefore: r.lowerBound + 1) >= r.upperBound }

    /// Some range that starts before `r` holds it.
    func holdsFromBefore(_ r: Range<Int>) -> Bool { furthestEnd(startingBefore: r.lowerBound) >= r.upperBound }

    /// Some range longer than `r` holds it.
    func holdsLonger(_ r: Range<Int>) -> Bool { holdsFromBefore(r) || furthestEnd(startingBefore: r.lowerBound + 1) > r.upperBound }

    /// The furthest end among the ranges that start before `x`; `Int.min` when none does.
    private func furthestEnd(startingBefore x: Int) -> Int {
        var (lo, hi) = (0, starts.count)  // the ranges starting before `x` are the first `lo`
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? reach[lo - 1] : Int.min
    }
}
