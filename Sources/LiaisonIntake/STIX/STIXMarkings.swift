import LiaisonCore

/// Data markings (STIX 2.1 §7.2): TLP labels by the standard definitions' fixed ids, TLP
/// definitions a producer wrote itself, and statements.
enum STIXMarkings {
    /// TLP 2.0 definitions (OASIS TLP 2.0 extension) and TLP 1.0 definitions (STIX 2.1
    /// §7.2.1.4); TLP 1.0 WHITE reads as CLEAR.
    static let standardTLP: [String: TLP] = [
        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": .clear,
        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": .green,
        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": .amber,
        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": .amberStrict,
        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": .red,
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": .clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": .green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": .amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": .red,
    ]

    /// Marking definition ids an object carries: `object_marking_refs` and every
    /// `granular_markings[].marking_ref` (a granular marking on any part counts for the
    /// whole incident, which is the restrictive reading).
    static func markingIDs(of object: STIXObject) -> [String] {
        var ids = object.strings("object_marking_refs")
        if case .array(let markings)? = object.properties["granular_markings"] {
            for case .object(let marking) in markings {
                if case .string(let id)? = marking["marking_ref"] { ids.append(id) }
            }
        }
        return ids
    }

    /// The TLP label of a marking definition: a standard id, or a definition in the bundle
    /// of `definition_type` `tlp` (TLP 1.0 form) or with the TLP 2.0 extension and a TLP name.
    static func tlp(of markingID: String, definition: STIXObject?) -> TLP? {
        if let tlp = standardTLP[markingID] { return tlp }
        guard let definition else { return nil }
        if definition.string("definition_type") == "tlp", case .object(let body)? = definition.properties["definition"],
            case .string(let label)? = body["tlp"]
        {
            return TLP(label: label)
        }
        if definition.extensionProperties(STIXExtensions.tlp2) != nil, let name = definition.string("name") {
            return TLP(label: name)
        }
        return nil
    }

    /// A statement marking's text (§7.2.1.3).
    static func statement(of definition: STIXObject) -> String? {
        guard definition.string("definition_type") == "statement", case .object(let body)? = definition.properties["definition"],
            case .string(let text)? = body["statement"]
        else { return nil }
        return text
    }
}
