import Foundation
import LiaisonCore

/// Checks one bundle object against STIX 2.1 (common properties §3, identifiers §2.9,
/// timestamps §3.2, references §3.3, each type's required properties) and collects every
/// problem by JSON Pointer. Reasons name the rule, never the value.
struct STIXObjectValidator {
    let limits: STIXLimits
    let pointer: String
    private(set) var problems: [FieldProblem] = []

    init(limits: STIXLimits, index: Int) {
        self.limits = limits
        self.pointer = "/objects/\(index)"
    }

    /// What could be read of an object, valid or not: the receipt names rejected objects too.
    struct Reading {
        var id: String?
        var type: String?
        var object: STIXObject?
        var problems: [FieldProblem]
    }

    static func read(_ value: JSONValue, index: Int, limits: STIXLimits) -> Reading {
        var validator = STIXObjectValidator(limits: limits, index: index)
        guard case .object(let properties) = value else {
            return Reading(problems: [FieldProblem(pointer: validator.pointer, reason: "must be an object")])
        }
        var path: [JSONPointer.Segment] = []
        validator.checkStringLengths(value, at: &path)
        let type = validator.typeName(properties["type"])
        let id = validator.identifier(properties["id"], of: type)
        var object: STIXObject?
        if let type, let id {
            let category = STIXTypeCatalog.category(of: type)
            var candidate = STIXObject(
                id: id, type: type, properties: properties, category: category,
                modified: Self.date(properties["modified"]))
            validator.checkCommon(candidate)
            validator.checkSpecific(&candidate)
            candidate.references = validator.references(candidate)
            object = candidate
        }
        let problems = validator.problems
        return Reading(id: id, type: type, object: problems.isEmpty ? object : nil, problems: problems)
    }

    static func date(_ value: JSONValue?) -> Date? {
        guard case .string(let text)? = value else { return nil }
        return STIXTimestamp.date(text)
    }

    mutating func fail(_ field: String, _ reason: String) {
        problems.append(FieldProblem(pointer: pointer + field, reason: reason))
    }

    private mutating func checkStringLengths(_ value: JSONValue, at path: inout [JSONPointer.Segment]) {
        switch value {
        case .string(let text) where text.utf8.count > limits.maxStringLength:
            fail(JSONPointer.text(of: path), "is longer than \(limits.maxStringLength) bytes")
        case .array(let items):
            for (index, item) in items.enumerated() where item.isContainerOrString {
                path.append(.index(index))
                checkStringLengths(item, at: &path)
                path.removeLast()
            }
        case .object(let members):
            for (key, member) in members {
                if key.utf8.count > limits.maxStringLength {
                    fail(JSONPointer.text(of: path), "has a property name longer than \(limits.maxStringLength) bytes")
                } else if member.isContainerOrString {
                    path.append(.key(key))
                    checkStringLengths(member, at: &path)
                    path.removeLast()
                }
            }
        default: break
        }
    }

    private mutating func typeName(_ value: JSONValue?) -> String? {
        guard case .string(let type)? = value else {
            fail("/type", value == nil ? "is required" : "must be a string")
            return nil
        }
        guard STIXIdentifier.isValidTypeName(type) else {
            fail("/type", "must be 3 to 250 characters of a-z, 0-9 and hyphen")
            return nil
        }
        return type
    }

    private mutating func identifier(_ value: JSONValue?, of type: String?) -> String? {
        guard case .string(let id)? = value else {
            fail("/id", value == nil ? "is required" : "must be a string")
            return nil
        }
        guard let prefix = STIXIdentifier.type(of: id) else {
            fail("/id", "must be an identifier of the form type--UUID")
            return nil
        }
        guard let type, prefix == type else {
            if type != nil { fail("/id", "must start with the object's type") }
            return nil
        }
        return id
    }

    private mutating func checkCommon(_ object: STIXObject) {
        let p = object.properties
        switch object.category {
        case .domain, .relationship, .meta:
            require(["spec_version", "created"], in: p)
            if object.type != "marking-definition" { require(["modified"], in: p) }
        case .observable, nil:
            break
        }
        if let version = p["spec_version"], version != .string("2.1") { fail("/spec_version", "must be 2.1") }
        for key in p.keys.sorted() {
            let value = p[key]!
            if STIXTypeCatalog.timestampProperties.contains(key) { timestamp(value, at: "/" + key) }
            guard object.category != nil else { continue }
            if STIXTypeCatalog.stringProperties.contains(key), !value.isString {
                fail("/" + key, "must be a string")
            }
            if STIXTypeCatalog.listProperties.contains(key), !value.isArray {
                fail("/" + key, "must be a list")
            }
        }
        if let created = object.date("created"), let modified = object.modified, modified < created {
            fail("/modified", "must not be earlier than created")
        }
        if case .array(let items)? = p["granular_markings"] {
            for (index, item) in items.enumerated() {
                guard case .object(let marking) = item, case .array(let selectors)? = marking["selectors"], !selectors.isEmpty,
                    marking["marking_ref"] != nil || marking["lang"] != nil
                else {
                    fail("/granular_markings/\(index)", "must have selectors and a marking_ref or lang")
                    continue
                }
            }
        }
        if case .array(let items)? = p["external_references"] {
            for (index, item) in items.enumerated() {
                guard case .object(let reference) = item, case .string? = reference["source_name"] else {
                    fail("/external_references/\(index)", "must be an object with a source_name")
                    continue
                }
            }
        }
    }

    mutating func require(_ keys: [String], in properties: [String: JSONValue]) {
        for key in keys where properties[key] == nil || properties[key] == .null {
            fail("/" + key, "is required")
        }
    }

    mutating func timestamp(_ value: JSONValue, at field: String) {
        guard case .string(let text) = value, STIXTimestamp.date(text) != nil else {
            fail(field, "must be an RFC 3339 timestamp in UTC (ending in Z)")
            return
        }
    }
}

extension JSONValue {
    var isString: Bool { if case .string = self { true } else { false } }
    var isArray: Bool { if case .array = self { true } else { false } }
    var isContainerOrString: Bool {
        switch self {
        case .string, .array, .object: true
        default: false
        }
    }
}
