import Foundation

/// A disclosure rendered as a STIX 2.1 bundle (`schemas/stix-export.md`): Liaison's
/// identity, the producer's unless the IEP policy forbids attribution, the TLP 2.0 marking,
/// the IEP policy as a marking of ours, the `incident` with the Incident Core Extension and
/// the Liaison extension (RSIT class, offences, observables that are no valid SCO), a
/// `sighting` of the incident by the producer with first/last seen, and each real observable
/// value as an SCO with a `related-to` relationship whose Liaison extension names its role.
///
/// Pure and deterministic: the same projection, vault and version give the same bytes.
public struct STIXBundle: Sendable, Equatable {
    public var document: JSONValue

    /// The bytes a consumer receives: RFC 8785 canonical JSON.
    public var bytes: [UInt8] { document.canonicalBytes }

    /// The STIX media type of a bundle.
    public static let mediaType = "application/stix+json;version=2.1"

    /// The extension-definition of the Liaison properties (its JSON Schema is
    /// `schemas/stix-liaison-extension.schema.json`).
    public static let extensionID = "extension-definition--7d4d0f8e-5f4c-4a57-9d0e-2c6b1f3a8e51"
    /// OASIS CTI Incident Core Extension.
    static let incidentCoreExtensionID = "extension-definition--ef765651-680c-498d-9894-99799f2fa126"
    /// FIRST TLP 2.0 marking extension.
    static let tlpExtensionID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
    /// The moment Liaison's fixed objects (its identity, the extension definition) were defined.
    static let definedAt = "2026-12-01T00:00:00.000Z"
    static let liaisonIdentityID = STIXIdentifier.object("identity", "liaison-gateway")

    /// The official TLP 2.0 marking-definition id of each label.
    public static func markingID(of tlp: TLP) -> String {
        switch tlp {
        case .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }
}

extension Projection {
    /// The STIX 2.1 bundle of this projection for its consumer. `vault` holds the entries for
    /// ``tokensNeedingPlaintext`` (as for ``rendering(vault:)``); `version` is the incident
    /// version disclosed and `modified` the time Liaison recorded it, so a new incident
    /// version is a new `modified` of the same incident object. `agreementVersion` (the
    /// version hash) names the rules that decided it in the bundle's id.
    public func stixBundle(vault: [Token: VaultValue], version: Int, modified: Date, agreementVersion: String) -> STIXBundle {
        let projected = rendering(vault: vault).projected
        let created = RFC3339.string(from: incident.receivedAt)
        let modifiedText = RFC3339.string(from: max(modified, incident.receivedAt))
        let incidentID = STIXIdentifier.object("incident", incident.id.uuidString.lowercased(), agreement.id)
        let tlpID = STIXBundle.markingID(of: incident.tlp)
        var markings = [tlpID]
        var objects: [JSONValue] = []

        let liaison = STIXBundle.liaisonIdentityID
        objects.append(.object([
            "type": "identity", "spec_version": "2.1", "id": .string(liaison), "created": .string(STIXBundle.definedAt),
            "modified": .string(STIXBundle.definedAt), "name": "Liaison", "identity_class": "system",
            "description": "The gateway that rendered this bundle from a disclosure under a sharing agreement.",
        ]))
        objects.append(tlpMarking(incident.tlp, id: tlpID))
        objects.append(extensionDefinition)
        if let policy = projected.policy {
            let policyID = STIXIdentifier.object("marking-definition", "iep", agreement.id, policy.jsonValue.canonicalBytes.hexString)
            markings.append(policyID)
            objects.append(.object([
                "type": "marking-definition", "spec_version": "2.1", "id": .string(policyID),
                "created": .string(policy.startDate.map(RFC3339.string(from:)) ?? STIXBundle.definedAt),
                "created_by_ref": .string(liaison), "name": .string(policy.name ?? "IEP 2.0 policy of agreement \(agreement.id)"),
                "extensions": .object([STIXBundle.extensionID: .object(["extension_type": "property-extension", "iep_2_0": policy.jsonValue])]),
            ]))
        }
        let marked = JSONValue.array(markings.map(JSONValue.string))
        func common(_ type: String, _ id: String) -> [String: JSONValue] {
            [
                "type": .string(type), "spec_version": "2.1", "id": .string(id), "created": .string(created),
                "modified": .string(modifiedText), "created_by_ref": .string(liaison), "object_marking_refs": marked,
            ]
        }

        var producerID: String?
        if let producer = projected.producer {
            let id = STIXIdentifier.object("identity", "producer", producer)
            producerID = id
            var identity = common("identity", id)
            identity["created"] = .string(STIXBundle.definedAt)
            identity["modified"] = .string(STIXBundle.definedAt)
            identity["name"] = .string(producer)
            identity["identity_class"] = "organization"
            identity["roles"] = ["producer"]
            objects.append(.object(identity))
        }

        let values = stixObservables(vault: vault)
        var liaisonProperties: [String: JSONValue] = [
            "extension_type": "property-extension", "liaison_incident_id": .string(incident.id.uuidString.lowercased()),
            "incident_version": .number(Double(version)), "agreement": .string(agreement.id),
        ]
        if let classification = projected.classification {
            liaisonProperties["rsit"] = .object(["taxonomy": .string(classification.taxonomy), "type": .string(classification.type)])
        }
        if let offences = projected.offences { liaisonProperties["offences"] = .array(offences.map { .string($0.rawValue) }) }
        if let receivedAt = projected.receivedAt { liaisonProperties["received_at"] = .string(RFC3339.string(from: receivedAt)) }
        let withheld = values.filter { $0.sco == nil }
        if !withheld.isEmpty { liaisonProperties["observables"] = .array(withheld.map(\.extensionEntry)) }

        var incidentObject = common("incident", incidentID)
        incidentObject["name"] = .string(projected.title ?? "Incident \(incident.id.uuidString.lowercased())")
        if let description = projected.description, !description.isEmpty { incidentObject["description"] = .string(description) }
        incidentObject["extensions"] = .object([
            STIXBundle.incidentCoreExtensionID: .object([
                "extension_type": "property-extension", "determination": "suspected", "investigation_status": "new",
            ]),
            STIXBundle.extensionID: .object(liaisonProperties),
        ])
        objects.append(.object(incidentObject))

        if producerID != nil || projected.firstSeen != nil || projected.lastSeen != nil {
            var sighting = common("sighting", STIXIdentifier.object("sighting", incidentID))
            sighting["sighting_of_ref"] = .string(incidentID)
            if let producerID { sighting["where_sighted_refs"] = [.string(producerID)] }
            if let first = projected.firstSeen { sighting["first_seen"] = .string(RFC3339.string(from: first)) }
            if let last = projected.lastSeen, last >= projected.firstSeen ?? last {
                sighting["last_seen"] = .string(RFC3339.string(from: last))
            }
            objects.append(.object(sighting))
        }

        var seen: Set<String> = []
        var relationships: [JSONValue] = []
        for value in values {
            guard let sco = value.sco else { continue }
            let id = STIXIdentifier.observable(sco.type, contributing: sco.contributing)
            if seen.insert(id).inserted {
                var object = sco.properties
                object["type"] = .string(sco.type)
                object["spec_version"] = "2.1"
                object["id"] = .string(id)
                object["object_marking_refs"] = marked
                objects.append(.object(object))
            }
            guard seen.insert(id + "|" + value.role.rawValue).inserted else { continue }
            var relationship = common("relationship", STIXIdentifier.object("relationship", incidentID, id, value.role.rawValue))
            relationship["relationship_type"] = "related-to"
            relationship["source_ref"] = .string(incidentID)
            relationship["target_ref"] = .string(id)
            relationship["description"] = .string("Observable of the \(value.role.rawValue) in this incident.")
            relationship["extensions"] = .object([
                STIXBundle.extensionID: .object(["extension_type": "property-extension", "observable_role": .string(value.role.rawValue)])
            ])
            relationships.append(.object(relationship))
        }
        objects += relationships

        let bundleID = STIXIdentifier.object("bundle", incidentID, String(version), agreementVersion)
        return STIXBundle(document: .object(["type": "bundle", "id": .string(bundleID), "objects": .array(objects)]))
    }

    /// The shared observables with what became of each; dropped ones are gone.
    func stixObservables(vault: [Token: VaultValue]) -> [STIXObservableValue] {
        guard fields.contains(.observables) else { return [] }
        let agreement = self.agreement
        let renderer = TokenRenderer(
            action: { agreement.action(for: $0.kind, role: vault[$0]?.role) }, pseudonymKey: agreement.pseudonymKey,
            plaintexts: vault.mapValues(\.plaintext))
        return incident.observables.compactMap { observable in
            guard let rendered = renderer.render(observable) else { return nil }
            let rendering: String
            if let token = Token(text: observable.value) {
                rendering = vault[token] == nil ? "erased" : agreement.action(for: token.kind, role: vault[token]?.role).rawValue
            } else {
                rendering = "plain"
            }
            return STIXObservableValue(kind: observable.kind, role: observable.role, value: rendered.value, rendering: rendering)
        }
    }

    private func tlpMarking(_ tlp: TLP, id: String) -> JSONValue {
        let word = String(tlp.rawValue.dropFirst(4)).lowercased()
        return .object([
            "type": "marking-definition", "spec_version": "2.1", "id": .string(id), "created": "2022-10-01T00:00:00.000Z",
            "name": .string(tlp.rawValue),
            "extensions": .object([STIXBundle.tlpExtensionID: .object(["extension_type": "property-extension", "tlp_2_0": .string(word)])]),
        ])
    }

    private var extensionDefinition: JSONValue {
        .object([
            "type": "extension-definition", "spec_version": "2.1", "id": .string(STIXBundle.extensionID),
            "created": .string(STIXBundle.definedAt), "modified": .string(STIXBundle.definedAt),
            "created_by_ref": .string(STIXBundle.liaisonIdentityID), "name": "Liaison disclosure",
            "description": .string(
                "What Liaison adds to a disclosed incident: its ENISA RSIT class, the Budapest Convention offences it points "
                    + "to, observables whose rendered value is no valid cyber-observable (pseudonyms, masks, erased values), "
                    + "each observable's role, and the agreement's IEP 2.0 policy."),
            "schema": "JSON Schema schemas/stix-liaison-extension.schema.json in the Liaison source",
            "version": "1.0.0", "extension_types": ["property-extension"],
        ])
    }
}
