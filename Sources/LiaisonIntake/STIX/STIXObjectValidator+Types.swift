import LiaisonCore

extension STIXObjectValidator {
    /// Type-specific rules: required properties, the indicator's pattern, observed-data's
    /// one-of rule, number ranges.
    mutating func checkSpecific(_ object: inout STIXObject) {
        let p = object.properties
        require(STIXTypeCatalog.requiredProperties[object.type] ?? [], in: p)
        switch object.type {
        case "indicator":
            if case .string(let type)? = p["pattern_type"], type == "stix", case .string(let pattern)? = p["pattern"] {
                do {
                    object.patternEqualities = try STIXPatternParser.parse(pattern, maxLength: limits.maxStringLength).equalities
                } catch {
                    fail("/pattern", "pattern does not parse: \(error.reason)")
                }
            }
            if let from = object.date("valid_from"), let until = object.date("valid_until"), until <= from {
                fail("/valid_until", "must be later than valid_from")
            }
        case "observed-data":
            switch (p["object_refs"], p["objects"]) {
            case (nil, nil): fail("/object_refs", "is required unless objects is present")
            case (.some, .some): fail("/objects", "must not be present together with object_refs")
            case (nil, .some(let embedded)): checkEmbeddedObjects(embedded)
            default: break
            }
            integer(p["number_observed"], at: "/number_observed", in: 1...999_999_999)
            if let first = object.date("first_observed"), let last = object.date("last_observed"), last < first {
                fail("/last_observed", "must not be earlier than first_observed")
            }
        case "sighting":
            if let count = p["count"] { integer(count, at: "/count", in: 0...999_999_999) }
            if let first = object.date("first_seen"), let last = object.date("last_seen"), last < first {
                fail("/last_seen", "must not be earlier than first_seen")
            }
        case "malware":
            if let family = p["is_family"], !family.isBool { fail("/is_family", "must be a boolean") }
        case "report", "grouping", "note":
            if case .array(let refs)? = p["object_refs"], refs.isEmpty { fail("/object_refs", "must not be empty") }
        case "autonomous-system":
            integer(p["number"], at: "/number", in: 0...4_294_967_295)
        case "email-message":
            if let multipart = p["is_multipart"], !multipart.isBool { fail("/is_multipart", "must be a boolean") }
        case "x509-certificate":
            let own = p.keys.filter { !STIXTypeCatalog.commonObservableProperties.contains($0) }
            if own.isEmpty { fail("", "must have at least one property besides the common ones") }
        case "marking-definition":
            let hasExtension = p["extensions"] != nil
            if p["definition_type"] != nil, p["definition"] == nil { fail("/definition", "is required with definition_type") }
            if p["definition"] != nil, p["definition_type"] == nil { fail("/definition_type", "is required with definition") }
            if !hasExtension, p["definition_type"] == nil { fail("/definition_type", "is required without extensions") }
        default:
            if STIXTypeCatalog.walletTypes.contains(object.type), object.string("value") == nil, object.string("address") == nil {
                fail("/value", "is required (or address) for a cryptocurrency wallet")
            }
        }
    }

    private mutating func integer(_ value: JSONValue?, at field: String, in range: ClosedRange<Int>) {
        guard let value else { return }
        guard case .number(let number) = value, number.rounded() == number, number >= Double(range.lowerBound),
            number <= Double(range.upperBound)
        else {
            fail(field, "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            return
        }
    }

    /// The deprecated `objects` dictionary (STIX 2.1 §4.13): keys to SCOs without ids.
    private mutating func checkEmbeddedObjects(_ value: JSONValue) {
        guard case .object(let members) = value, !members.isEmpty else {
            fail("/objects", "must be a non-empty dictionary of Cyber-observable Objects")
            return
        }
        for key in members.keys.sorted() {
            guard case .object(let member) = members[key]!, case .string(let type)? = member["type"],
                STIXIdentifier.isValidTypeName(type)
            else {
                fail("/objects/" + JSONPointer.escape(key), "must be a Cyber-observable Object with a type")
                continue
            }
        }
    }

    /// Checks every `*_ref`/`*_refs` property (also in granular markings and extensions)
    /// and returns the meaningful ones for the graph.
    mutating func references(_ object: STIXObject) -> [(property: String, id: String)] {
        var found: [(property: String, id: String)] = []
        collectReferences(in: object.properties, at: "", of: object.type, into: &found)
        if case .array(let markings)? = object.properties["granular_markings"] {
            for case (let index, .object(let marking)) in markings.enumerated() {
                if let ref = marking["marking_ref"] {
                    reference(ref, property: "marking_ref", at: "/granular_markings/\(index)/marking_ref", of: object.type, into: &found)
                }
            }
        }
        if case .object(let extensions)? = object.properties["extensions"] {
            for key in extensions.keys.sorted() {
                guard case .object(let properties) = extensions[key]! else { continue }
                collectReferences(in: properties, at: "/extensions/" + JSONPointer.escape(key), of: "", into: &found)
            }
        }
        return found
    }

    private mutating func collectReferences(
        in properties: [String: JSONValue], at path: String, of type: String, into found: inout [(property: String, id: String)]
    ) {
        for key in properties.keys.sorted() where key.endsWith("_ref") || key.endsWith("_refs") {
            let at = path + "/" + JSONPointer.escape(key)
            if key.endsWith("_ref") {
                reference(properties[key]!, property: key, at: at, of: type, into: &found)
            } else if case .array(let items) = properties[key]! {
                for (index, item) in items.enumerated() {
                    reference(item, property: key, at: at + "/\(index)", of: type, into: &found)
                }
            } else {
                fail(at, "must be a list of identifiers")
            }
        }
    }

    private mutating func reference(
        _ value: JSONValue, property: String, at field: String, of type: String, into found: inout [(property: String, id: String)]
    ) {
        guard case .string(let id) = value, let target = STIXIdentifier.type(of: id) else {
            fail(field, "must be an identifier of the form type--UUID")
            return
        }
        let allowed = STIXReferenceRules.allowed(property, on: type)
        guard STIXReferenceRules.permits(allowed, String(target)) else {
            fail(field, STIXReferenceRules.describe(allowed))
            return
        }
        if !STIXReferenceRules.metadataReferences.contains(property) { found.append((property, id)) }
    }
}

extension JSONValue {
    var isBool: Bool { if case .bool = self { true } else { false } }
}
