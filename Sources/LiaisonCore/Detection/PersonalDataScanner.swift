/// Finds personal data in free text (incident reports, e-mails, chat logs) before it crosses the
/// CERT/police boundary. The text is refanged once, then each detector proposes candidates from
/// its trigger bytes in a linear walk over the UTF-8; overlaps are resolved so the reported spans
/// are sorted and disjoint, the longest (then most specific) candidate winning. An e-mail (or a
/// wallet, IBAN, card or national ID) inside a URL's path or query cuts the URL short before that
/// segment and is reported on its own; a URL's host is never reported again as a domain.
public struct PersonalDataScanner: Sendable {
    public let kinds: Set<PersonalDataKind>
    /// Takes an address under any label shaped like a TLD, not only a delegated or reserved one:
    /// for text known to hold e-mail addresses (a field named for them), where "user@host.corp"
    /// is an address, not a sentence.
    public let emailsUnderAnyTopLevelDomain: Bool

    public init(kinds: Set<PersonalDataKind> = Set(PersonalDataKind.allCases), emailsUnderAnyTopLevelDomain: Bool = false) {
        self.kinds = kinds
        self.emailsUnderAnyTopLevelDomain = emailsUnderAnyTopLevelDomain
    }

    /// Single pass over the UTF-8 bytes proposing candidates and validating them; spans sorted by
    /// start, non-overlapping (longest/most specific wins).
    public func scan(_ text: String) -> [DetectedSpan] {
        if let result = text.utf8.withContiguousStorageIfAvailable({ scan(bytes: $0) }) { return result }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { scan(bytes: $0) } ?? []
    }

    private func scan(bytes original: Bytes) -> [DetectedSpan] {
        let refanged = Refanged(original)
        if refanged.changed {
            return refanged.bytes.withUnsafeBufferPointer { rp in
                var hint = 0  // the spans are sorted and disjoint: one pass over the edits
                return resolve(propose(rp), count: rp.count, bytes: rp).map { c in
                    let start = refanged.originalStart(c.start, hint: &hint), end = refanged.originalEnd(c.end, hint: &hint)
                    return DetectedSpan(kind: c.kind, utf8Range: start..<end, detector: c.detector, normalised: c.normalised)
                }
            }
        }
        return resolve(propose(original), count: original.count, bytes: original).map { c in
            DetectedSpan(kind: c.kind, utf8Range: c.start..<c.end, detector: c.detector, normalised: c.normalised)
        }
    }

    func propose(_ p: Bytes) -> [Candidate] {
        // Room for one candidate every 24 bytes, more than dense report text holds (one every 28):
        // the array is not copied as it grows, and pages never written are never touched.
        var out: [Candidate] = []
        out.reserveCapacity(p.count / 24 + 8)
        let want = kinds
        if want.contains(.email) { NetworkProposers.emails(p, anyTopLevelDomain: emailsUnderAnyTopLevelDomain, into: &out) }
        if want.contains(.url) { NetworkProposers.urls(p, into: &out) }
        if want.contains(.domain) || want.contains(.ipv4) {
            NetworkProposers.domainsAndIPv4(
                p, domains: want.contains(.domain), ipv4: want.contains(.ipv4), addresses: want.intersection([.ipv4, .ipv6]), into: &out)
        }
        if want.contains(.ipv6) { NetworkProposers.ipv6(p, into: &out) }
        if want.contains(.nationalID) || want.contains(.cryptoWallet) || want.contains(.iban) {
            TokenProposers.tokens(p, kinds: want, into: &out)
        }
        if want.contains(.paymentCard) { TokenProposers.cards(p, into: &out) }
        if want.contains(.phone) { TokenProposers.phones(p, into: &out) }
        if want.contains(.person) { PersonNames.propose(p, into: &out) }
        return out
    }

    /// Kinds that are reported even inside a URL, cutting the URL short.
    private static func carvesURLs(_ k: PersonalDataKind) -> Bool {
        switch k {
        case .email, .cryptoWallet, .iban, .paymentCard, .nationalID: return true
        default: return false
        }
    }

    /// Tie-break between equally long candidates: checksummed identifiers first, cue-less shapes last.
    private static func specificity(_ k: PersonalDataKind) -> Int {
        switch k {
        case .iban, .cryptoWallet: return 0
        case .nationalID, .paymentCard: return 1
        case .email: return 2
        case .url: return 3
        case .ipv6, .ipv4: return 4
        case .phone: return 5
        case .domain: return 6
        case .person: return 7
        case .userAccount, .messageID: return 8  // never proposed from text
        }
    }

    func resolve(_ input: [Candidate], count: Int, bytes p: Bytes) -> [Candidate] {
        var candidates = input
        // An e-mail or checksummed identifier inside a URL (path or query) wins over the URL,
        // which is cut before the segment holding it.
        var carving: [Int] = []  // the starts of candidates that carve URLs, sorted
        for idx in candidates.indices where Self.carvesURLs(candidates[idx].kind) { carving.append(candidates[idx].start) }
        carving.sort()
        if !carving.isEmpty {
            for idx in candidates.indices where candidates[idx].kind == .url {
                let u = candidates[idx]
                var lo = 0, hi = carving.count
                while lo < hi { let mid = (lo + hi) / 2; if carving[mid] <= u.start { lo = mid + 1 } else { hi = mid } }
                guard lo < carving.count, carving[lo] < u.end else { continue }
                // Drop the whole path segment or query parameter holding the address.
                var e = carving[lo]
                while e > u.start, !isSegmentBoundary(p[e - 1]) { e -= 1 }
                while e > u.start, isQuerySeparator(p[e - 1]) { e -= 1 }
                if let cut = truncatedURL(p, u, end: e) {
                    candidates[idx] = cut
                } else {
                    candidates[idx].end = candidates[idx].start // dropped: the e-mail sits in the authority
                }
            }
        }
        // Sort by start, split into clusters of transitively overlapping candidates, and inside a
        // cluster keep the longest, then most specific, non-overlapping ones. Clusters are tiny in
        // practice; the per-cluster occupancy map keeps the worst case linear in the text.
        var order: [Int] = []
        order.reserveCapacity(candidates.count)
        if candidates.count < 1 << 28 {
            var packed: [UInt64] = []
            packed.reserveCapacity(candidates.count)
            for idx in candidates.indices where candidates[idx].end > candidates[idx].start {
                packed.append(UInt64(candidates[idx].start) << 28 | UInt64(idx))
            }
            packed.sort()
            for key in packed { order.append(Int(key & 0xFFF_FFFF)) }
        } else {
            order = candidates.indices.filter { candidates[$0].end > candidates[$0].start }
            order.sort { (candidates[$0].start, $0) < (candidates[$1].start, $1) }
        }
        var chosen: [Candidate] = []
        chosen.reserveCapacity(order.count)
        var cluster: [Int] = []
        var keys: [UInt64] = []
        var taken: [Bool] = []
        var k = 0
        while k < order.count {
            let first = order[k]
            var clusterEnd = candidates[first].end
            cluster.removeAll(keepingCapacity: true)
            cluster.append(first)
            k += 1
            while k < order.count, case let idx = order[k], candidates[idx].start < clusterEnd {
                cluster.append(idx)
                clusterEnd = max(clusterEnd, candidates[idx].end)
                k += 1
            }
            if cluster.count == 1 { chosen.append(candidates[first]); continue }
            let base = candidates[first].start
            keys.removeAll(keepingCapacity: true)
            for idx in cluster {
                let length = UInt64(min(candidates[idx].length, (1 << 20) - 1))
                keys.append(((1 << 20) - 1 - length) << 44 | UInt64(Self.specificity(candidates[idx].kind)) << 40 | UInt64(idx))
            }
            keys.sort()
            taken.removeAll(keepingCapacity: true)
            taken.append(contentsOf: repeatElement(false, count: clusterEnd - base))
            let before = chosen.count
            for key in keys {
                let idx = Int(key & 0xFF_FFFF_FFFF)
                let span = (candidates[idx].start - base)..<(candidates[idx].end - base)
                var free = true
                for j in span where taken[j] { free = false; break }
                guard free else { continue }
                for j in span { taken[j] = true }
                chosen.append(candidates[idx])
            }
            chosen[before...].sort { $0.start < $1.start }
        }
        return chosen
    }

    private func isSegmentBoundary(_ c: UInt8) -> Bool {
        c == 0x3F || c == 0x26 || c == 0x2F || c == 0x23 || c == 0x3B
    }

    private func isQuerySeparator(_ c: UInt8) -> Bool {
        c == 0x3F || c == 0x26 || c == 0x3D || c == 0x2F || c == 0x23 || c == 0x3A || c == 0x3B || c == 0x2E
    }

    private func schemeLength(_ p: Bytes, _ start: Int) -> Int {
        var k = start
        while k < p.count && p[k] != 0x3A { k += 1 }
        return k - start
    }

    /// Re-validates a URL cut short at `end`; nil when the host itself would be cut.
    private func truncatedURL(_ p: Bytes, _ u: Candidate, end: Int) -> Candidate? {
        let colon = u.start + schemeLength(p, u.start)
        var h = colon + 3
        var k = h
        while k < end && p[k] != 0x2F && p[k] != 0x3F && p[k] != 0x23 { if p[k] == 0x40 { h = k + 1 }; k += 1 }
        let hostEnd = p[h] == 0x5B ? (p[h..<end].firstIndex(of: 0x5D).map { $0 + 1 } ?? end) : NetworkProposers.hostEnd(p, from: h)
        guard hostEnd <= end, hostEnd > h else { return nil }
        var c = u
        c.end = end
        c.normalised = NetworkProposers.normaliseURL(p, u.start, h..<min(hostEnd, end), end)
        return c
    }
}
