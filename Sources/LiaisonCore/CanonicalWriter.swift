/// Writes RFC 8785 canonical JSON straight from model values, for the hot paths (every
/// intake writes three JSON columns per incident). The caller names members in canonical
/// order — their fixed names sorted by UTF-16 code units — so nothing is built, hashed or
/// sorted; tests hold each writer equal to the `JSONValue` form of the same value.
public struct CanonicalWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no member or element yet.
    private var first = true

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// A member's name. Names are the model's own ASCII words: nothing to escape.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A member whose name is data (a custody field's name), escaped like any string.
    public mutating func key(_ name: String) {
        separate()
        JSONValue.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Before an array element.
    public mutating func element() { separate() }

    public mutating func string(_ value: String) { JSONValue.writeString(value, into: &bytes) }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    private mutating func open(_ byte: UInt8) {
        bytes.append(byte)
        first = true
    }

    private mutating func close(_ byte: UInt8) {
        bytes.append(byte)
        first = false
    }
}

extension Sequence where Element == Observable {
    /// `[{"kind","role","value"}, …]` in canonical form.
    public var canonicalJSON: [UInt8] {
        var writer = CanonicalWriter()
        writer.openArray()
        for observable in self {
            writer.element()
            writer.openObject()
            writer.key("kind")
            writer.string(observable.kind.rawValue)
            writer.key("role")
            writer.string(observable.role.rawValue)
            writer.key("value")
            writer.string(observable.value)
            writer.closeObject()
        }
        writer.closeArray()
        return writer.bytes
    }
}

extension Sequence where Element == Redaction {
    /// `[{"detector","field","kind","role"?,"token"}, …]` in canonical form.
    public var canonicalJSON: [UInt8] {
        var writer = CanonicalWriter()
        writer.openArray()
        for redaction in self {
            writer.element()
            writer.openObject()
            writer.key("detector")
            writer.string(redaction.detector)
            writer.key("field")
            writer.string(redaction.field)
            writer.key("kind")
            writer.string(redaction.kind.rawValue)
            if let role = redaction.role {
                writer.key("role")
                writer.string(role.rawValue)
            }
            writer.key("token")
            writer.string(redaction.token)
            writer.closeObject()
        }
        writer.closeArray()
        return writer.bytes
    }
}

extension [String: String] {
    /// A string map (a custody record's details) as a canonical JSON object.
    public var canonicalJSON: [UInt8] {
        var writer = CanonicalWriter()
        writer.openObject()
        // Sorted as pairs, so that no value is looked up again by its name.
        for (name, value) in sorted(by: { JSONValue.utf16Precedes($0.key, $1.key) }) {
            writer.key(name)
            writer.string(value)
        }
        writer.closeObject()
        return writer.bytes
    }
}
