/// The personal-data spans already found in free text during one intake, by text: a batch of
/// drafts from one feed repeats its titles and boilerplate, and scanning is pure (the same
/// text and scanner give the same spans), so each such text is scanned once. Bounded: only
/// short texts are kept, and only so many, so a batch of distinct texts costs a lookup each
/// and no more memory than the cap. Lives for one ``IncidentProtector/protect(_:producer:receivedAt:)``.
struct TextScans {
    /// Longer texts are scanned every time (they seldom repeat, and keys would cost memory).
    static let maxTextBytes = 512
    static let maxEntries = 1024

    private var plain: [String: [DetectedSpan]] = [:]
    private var addresses: [String: [DetectedSpan]] = [:]

    /// The spans of `text`, from an earlier scan of the same text or from `scan`.
    mutating func spans(in text: String, addresses inAddressField: Bool, scan: () -> [DetectedSpan]) -> [DetectedSpan] {
        guard text.utf8.count <= Self.maxTextBytes else { return scan() }
        if let known = (inAddressField ? addresses : plain)[text] { return known }
        let found = scan()
        if inAddressField {
            if addresses.count < Self.maxEntries { addresses[text] = found }
        } else if plain.count < Self.maxEntries {
            plain[text] = found
        }
        return found
    }
}
