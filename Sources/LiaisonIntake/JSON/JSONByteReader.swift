import LiaisonCore

/// The recursive-descent reader behind ``StrictJSONParser``: one cursor over the bytes,
/// the path to the value being read (turned into a JSON Pointer only when something fails)
/// and a scratch buffer reused for strings with escapes.
struct JSONByteReader {
    let bytes: UnsafeRawBufferPointer
    let limits: JSONLimits
    var index = 0
    var depth = 0
    var path: [JSONPointer.Segment] = []
    var scratch: [UInt8] = []

    init(bytes: UnsafeRawBufferPointer, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var end: Int { bytes.count }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < end else { throw failure(.empty) }
        let value = try value()
        skipWhitespace()
        guard index == end else { throw failure(.trailingContent) }
        return value
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard index < end else { throw failure(.truncated) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure(.unexpectedByte)
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        // A document's own object is a record (an event, a bundle, a request) whose members
        // would otherwise grow the map four or five times, rehashing each time; nested objects,
        // which are many and mostly small, grow as they need.
        if depth == 1 { members.reserveCapacity(16) }
        while true {
            skipWhitespace()
            guard index < end else { throw failure(.truncated) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw failure(.unexpectedByte) }
            let keyOffset = index
            let key = try string()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            path.append(.key(key))
            let value = try value()
            if members.updateValue(value, forKey: key) != nil { throw failure(.duplicateKey, at: keyOffset) }
            path.removeLast()
            skipWhitespace()
            guard index < end else { throw failure(.truncated) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(members)
            default:
                throw failure(.unexpectedByte)
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < end, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        path.append(.index(0))
        while true {
            skipWhitespace()
            path[path.count - 1] = .index(elements.count)
            elements.append(try value())
            skipWhitespace()
            guard index < end else { throw failure(.truncated) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                path.removeLast()
                return .array(elements)
            default:
                throw failure(.unexpectedByte)
            }
        }
    }

    /// Steps over `{` or `[`, counting the level against ``JSONLimits/maxDepth``.
    private mutating func enterContainer() throws(JSONSyntaxError) {
        guard depth < limits.maxDepth else { throw failure(.tooDeep, limit: limits.maxDepth) }
        depth += 1
        index += 1
    }

    private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < end else { throw failure(.truncated) }
        guard bytes[index] == byte else { throw failure(.unexpectedByte) }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        for offset in 0..<count {
            guard index + offset < end else { throw failure(.truncated, at: end) }
            guard bytes[index + offset] == word.utf8Start[offset] else {
                throw failure(.unexpectedByte, at: index + offset)
            }
        }
        index += count
    }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The error for `reason` at `offset` (the cursor by default), with the current path.
    func failure(_ reason: JSONSyntaxError.Reason, at offset: Int? = nil, limit: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(reason: reason, offset: offset ?? index, pointer: JSONPointer.text(of: path), limit: limit)
    }
}

/// RFC 6901 JSON Pointers.
public enum JSONPointer {
    /// One step of a path: an object member or an array element.
    public enum Segment: Sendable, Hashable {
        case index(Int)
        case key(String)
    }

    /// The pointer text of a path, made only when a problem is reported.
    public static func text(of path: [Segment]) -> String {
        var pointer = ""
        for segment in path {
            switch segment {
            case .index(let index): pointer += "/\(index)"
            case .key(let key): pointer += "/" + escape(key)
            }
        }
        return pointer
    }

    /// `key` as one reference token: `~` becomes `~0` and `/` becomes `~1` (RFC 6901 §3).
    public static func escape(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        var escaped = ""
        escaped.reserveCapacity(key.utf8.count + 4)
        for character in key.unicodeScalars {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
