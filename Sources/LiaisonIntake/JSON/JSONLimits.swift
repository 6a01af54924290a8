/// Bounds the strict JSON parser enforces while it reads, so that a hostile body costs
/// no more than its size: how deeply arrays and objects may nest, and how long one
/// string (a key or a value) may be once decoded.
public struct JSONLimits: Sendable, Hashable {
    /// The most arrays and objects open at once; the document's own outer container counts.
    /// Default 64.
    public var maxDepth: Int
    /// The most UTF-8 bytes in one decoded string, key or value. Default 1 MiB.
    public var maxStringBytes: Int

    public init(maxDepth: Int = 64, maxStringBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
    }
}
