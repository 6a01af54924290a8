/// One XML element (XML 1.0, W3C REC-xml section 3) as a small tree: qualified name, attributes in
/// document order, child elements, and the concatenated character data of its direct content.
struct XMLElement: Sendable {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLElement]
    var text: String

    /// The name without its namespace prefix (Namespaces in XML 1.0, section 4).
    var localName: Substring { name.split(separator: ":", maxSplits: 1).last ?? Substring(name) }
    var prefix: Substring? { name.contains(":") ? name.split(separator: ":", maxSplits: 1).first : nil }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    func children(_ local: String) -> [XMLElement] { children.filter { $0.localName == local } }
    func child(_ local: String) -> XMLElement? { children.first { $0.localName == local } }
    /// Descendants (not self) with the given local name, in document order.
    func descendants(_ local: String) -> [XMLElement] {
        children.flatMap { ($0.localName == local ? [$0] : []) + $0.descendants(local) }
    }
}

/// Why an XML document was refused. Raw values are rule names for `PartOutcome.reason`.
enum XMLRejection: String, Error, Sendable {
    /// Any document type declaration (XML 1.0 section 2.8): it is where internal entities
    /// ("billion laughs") and external entities (XXE) are declared, and IODEF needs none.
    case doctypeForbidden = "xml-doctype-forbidden"
    /// A reference to anything but the five predefined entities or a character reference (section 4.1).
    case undeclaredEntity = "xml-undeclared-entity"
    case depthExceeded = "xml-depth-exceeded"
    case tooLarge = "xml-too-large"
    case tooManyElements = "xml-too-many-elements"
    /// Only UTF-8 (and its US-ASCII subset) is read; a BOM or declaration naming another encoding is refused.
    case encodingUnsupported = "xml-encoding-unsupported"
    case malformed = "xml-malformed"

    /// A document type or entity declaration, or a reference to an entity never declared: the
    /// shapes of entity bombs and external-entity attacks. A message carrying one is refused
    /// whole; the other rejections refuse only the part.
    var isHostile: Bool { self == .doctypeForbidden || self == .undeclaredEntity }
}

/// Bounds for `SafeXML.parse`.
struct SafeXMLLimits: Sendable {
    var maxDepth = 64
    var maxElements = 20_000
    var maxBytes = 4 * 1024 * 1024
    var maxAttributes = 64
}

/// A deliberately tiny, non-validating XML reader: one linear pass over the bytes, no DTD, no
/// entity expansion beyond XML 1.0 section 4.6's predefined five and character references, an
/// explicit element stack (no recursion) capped at `maxDepth`. It refuses rather than repairs.
enum SafeXML {
    static func parse(_ input: [UInt8], limits: SafeXMLLimits = SafeXMLLimits()) throws(XMLRejection) -> XMLElement {
        guard input.count <= limits.maxBytes else { throw .tooLarge }
        var reader = Reader(bytes: input, limits: limits)
        return try reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        let limits: SafeXMLLimits
        var i = 0
        var stack: [(element: XMLElement, text: [UInt8])] = []
        var elementCount = 0

        init(bytes: [UInt8], limits: SafeXMLLimits) { self.bytes = bytes; self.limits = limits }

        mutating func document() throws(XMLRejection) -> XMLElement {
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { throw .encodingUnsupported }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            var root: XMLElement?
            while true {
                skipSpace()
                guard i < bytes.count else { break }
                guard bytes[i] == 0x3C else { throw .malformed }  // only markup outside the root
                if try markupOutsideContent() { continue }
                guard root == nil else { throw .malformed }  // a second root element
                root = try element()
            }
            guard let root else { throw .malformed }
            return root
        }

        /// Prolog/epilog markup: XML declaration, PI, comment; DOCTYPE is refused. False for a start tag.
        mutating func markupOutsideContent() throws(XMLRejection) -> Bool {
            if has("<?") { try processingInstruction(); return true }
            if has("<!--") { i += 4; try skip(past: "-->"); return true }
            if has("<!") { throw hasCaseInsensitive("<!DOCTYPE") ? .doctypeForbidden : .malformed }
            return false
        }

        /// The root element and everything in it, with an explicit stack.
        mutating func element() throws(XMLRejection) -> XMLElement {
            try startTag()
            if let emptyRoot { return emptyRoot }
            while !stack.isEmpty {
                guard i < bytes.count else { throw .malformed }
                if bytes[i] != 0x3C {
                    var text = stack[stack.count - 1].text
                    stack[stack.count - 1].text = []  // keeps `text` uniquely referenced: no copy
                    try characterData(until: 0x3C, into: &text)
                    stack[stack.count - 1].text = text
                } else if has("</") {
                    i += 2
                    let name = try self.name()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == 0x3E else { throw .malformed }
                    i += 1
                    var (finished, text) = stack.removeLast()
                    guard finished.name == name else { throw .malformed }
                    guard let string = String(validating: text, as: UTF8.self) else { throw .encodingUnsupported }
                    finished.text = string
                    text = []
                    if stack.isEmpty { return finished }
                    stack[stack.count - 1].element.children.append(finished)
                } else if has("<![CDATA[") {
                    i += 9
                    guard let end = find("]]>") else { throw .malformed }
                    stack[stack.count - 1].text += bytes[i..<end]
                    i = end + 3
                } else if has("<?") {
                    try processingInstruction()
                } else if has("<!--") {
                    i += 4
                    try skip(past: "-->")
                } else if has("<!") {
                    throw hasCaseInsensitive("<!DOCTYPE") || hasCaseInsensitive("<!ENTITY") ? .doctypeForbidden : .malformed
                } else {
                    try startTag()
                }
            }
            throw .malformed
        }

        /// `<name attr="v" …>` or `<name …/>`; pushes (or, when empty, appends) the element.
        mutating func startTag() throws(XMLRejection) {
            i += 1
            let name = try self.name()
            elementCount += 1
            guard elementCount <= limits.maxElements else { throw .tooManyElements }
            guard stack.count < limits.maxDepth else { throw .depthExceeded }
            var element = XMLElement(name: name, attributes: [], children: [], text: "")
            while true {
                let hadSpace = skipSpace()
                guard i < bytes.count else { throw .malformed }
                if bytes[i] == 0x3E { i += 1; stack.append((element, [])); return }
                if has("/>") {
                    i += 2
                    if stack.isEmpty { emptyRoot = element } else { stack[stack.count - 1].element.children.append(element) }
                    return
                }
                guard hadSpace, element.attributes.count < limits.maxAttributes else { throw .malformed }
                let attribute = try self.name()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3D else { throw .malformed }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw .malformed }
                let quote = bytes[i]
                i += 1
                var value: [UInt8] = []
                try characterData(until: quote, into: &value)
                guard i < bytes.count else { throw .malformed }
                i += 1
                guard let string = String(validating: value, as: UTF8.self) else { throw .encodingUnsupported }
                element.attributes.append((attribute, string))
            }
        }

        /// Set when the root itself is an empty-element tag (`<root/>`).
        var emptyRoot: XMLElement?

        /// Character data up to `stop` (not consumed), resolving references (XML 1.0 section 4.1).
        mutating func characterData(until stop: UInt8, into out: inout [UInt8]) throws(XMLRejection) {
            while i < bytes.count, bytes[i] != stop {
                let byte = bytes[i]
                if byte == 0x3C { throw .malformed }
                if byte != 0x26 { out.append(byte); i += 1; continue }
                guard let semicolon = bytes[i..<min(bytes.count, i + 12)].firstIndex(of: 0x3B) else { throw .malformed }
                let reference = bytes[(i + 1)..<semicolon]
                i = semicolon + 1
                switch String(decoding: reference, as: UTF8.self) {
                case "lt": out.append(0x3C)
                case "gt": out.append(0x3E)
                case "amp": out.append(0x26)
                case "quot": out.append(0x22)
                case "apos": out.append(0x27)
                case let text where text.hasPrefix("#"):
                    let hex = text.hasPrefix("#x")
                    guard let code = UInt32(text.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), code != 0,
                          let scalar = Unicode.Scalar(code) else { throw .malformed }
                    out += Array(String(Character(scalar)).utf8)
                default: throw .undeclaredEntity
                }
            }
        }

        mutating func processingInstruction() throws(XMLRejection) {
            guard let end = find("?>"), end >= i + 2 else { throw .malformed }
            let body = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
            if body.hasPrefix("xml ") || body.hasPrefix("xml\t") || body.hasPrefix("xml\n") || body.hasPrefix("xml\r") {
                let lower = body.lowercased()
                if let range = lower.range(of: "encoding") {
                    let rest = lower[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
                    let encoding = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " }
                    guard encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii" else { throw .encodingUnsupported }
                }
            }
            i = end + 2
        }

        mutating func name() throws(XMLRejection) -> String {
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x3E || b == 0x2F || b == 0x3D
                    || b == 0x3C || b == 0x22 || b == 0x27 || b == 0x26 { break }
                i += 1
            }
            guard i > start, let name = String(validating: bytes[start..<i], as: UTF8.self) else { throw .malformed }
            return name
        }

        @discardableResult
        mutating func skipSpace() -> Bool {
            let start = i
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            return i > start
        }

        mutating func skip(past marker: StaticString) throws(XMLRejection) {
            guard let end = find(marker) else { throw .malformed }
            i = end + marker.utf8CodeUnitCount
        }

        /// Start of the next `marker` at or after `i`.
        func find(_ marker: StaticString) -> Int? {
            let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
            guard let first = m.first else { return nil }
            var k = i
            while k + m.count <= bytes.count {
                if bytes[k] == first, bytes[k..<(k + m.count)].elementsEqual(m) { return k }
                k += 1
            }
            return nil
        }

        func has(_ marker: StaticString) -> Bool {
            let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
            return i + m.count <= bytes.count && bytes[i..<(i + m.count)].elementsEqual(m)
        }

        func hasCaseInsensitive(_ marker: String) -> Bool {
            let m = Array(marker.utf8)
            guard i + m.count <= bytes.count else { return false }
            return zip(bytes[i..<(i + m.count)], m).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
        }
    }
}
