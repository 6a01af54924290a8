/// A name found: the ranges of its words, their stems (to find the person again) and the rule.
struct FoundName {
    var words: [Range<Int>]
    var stems: [UInt64]
    var detector: String
    var start: Int { words[0].lowerBound }
    var end: Int { words[words.count - 1].upperBound }

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
    /// Removes the names that overlap one of `ranges` (sorted, not overlapping each other), each
    /// name looked up by binary search: one pass however many ranges a table or message gives.
    mutating func removeOverlapping(_ ranges: [Range<Int>]) {
        guard !ranges.isEmpty else { return }
        removeAll { name in
            var (lo, hi) = (0, ranges.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if ranges[mid].upperBound <= name.start { lo = mid + 1 } else { hi = mid }
            }
            return lo < ranges.count && ranges[lo].lowerBound < name.end
        }
    }
}
