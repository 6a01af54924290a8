/// An `application/x-www-form-urlencoded` body (WHATWG URL, section 5.1) as its name–value
/// pairs, in order: `+` is a space, then percent-decoding, and each name and value must be
/// UTF-8. The public form and the console read their forms through it.
struct URLEncodedForm: Sendable {
    var pairs: [(name: String, value: String)]

    /// Nil when the body is not such a form: a name or value that does not decode, or more
    /// than `maxPairs` pairs.
    init?(_ body: [UInt8], maxPairs: Int = 64) {
        let parts = body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true)
        guard parts.count <= maxPairs else { return nil }
        var pairs: [(String, String)] = []
        for pair in parts {
            let halves = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(halves[0]), let value = Self.decode(halves.count > 1 ? halves[1] : []) else { return nil }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`.
    subscript(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        let spaced = bytes.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }
        guard let text = String(validating: spaced, as: UTF8.self) else { return nil }
        return text.removingPercentEncoding
    }
}
