/// The first `limit` problems found in a body, and how many there were in all. A refusal
/// lists places so that a producer can fix them, but a hostile body of many bad objects must
/// not make an answer (or the memory that builds it) many times its own size.
public struct ProblemList<Element: Sendable & Hashable>: Sendable, Hashable, RandomAccessCollection {
    /// The problems kept, in the order found.
    public private(set) var listed: [Element] = []
    /// Every problem found, listed or not.
    public private(set) var total = 0
    public let limit: Int

    public init(limit: Int) {
        self.limit = Swift.max(1, limit)
    }

    public init(_ problems: [Element], limit: Int = .max) {
        self.init(limit: limit)
        append(contentsOf: problems)
    }

    public mutating func append(_ problem: Element) {
        total += 1
        if listed.count < limit { listed.append(problem) }
    }

    public mutating func append(contentsOf problems: some Sequence<Element>) {
        for problem in problems { append(problem) }
    }

    public var startIndex: Int { listed.startIndex }
    public var endIndex: Int { listed.endIndex }
    public subscript(position: Int) -> Element { listed[position] }
}
