import Foundation
import LiaisonCore

enum Fixtures {
    static let draft = IncidentDraft(
        naturalKey: "event-id:1",
        classification: Classification(taxonomy: "fraud", type: "phishing")!,
        tlp: .amber,
        title: "Phishing page for a bank",
        description: "Victim ana.markovic@example.rs was called from +381 64 123 4567; she wrote to ana.markovic@example.rs again.",
        firstSeen: Date(timeIntervalSince1970: 1_780_000_000), lastSeen: nil,
        observables: [
            Observable(kind: .url, value: "https://bank-login.example.net/", role: .offender),
            Observable(kind: .email, value: "ana.markovic@EXAMPLE.rs", role: .victim),
            Observable(kind: .phone, value: "+381 64 123 4567", role: .victim),
            Observable(kind: .ipv4, value: "203.0.113.7", role: .offender),
        ])

    static func agreement(
        fields: Set<IncidentField> = Set(IncidentField.allCases),
        personalData: [PersonalDataKind: RenderAction] = [.email: .pseudonymise, .phone: .mask],
        key: [UInt8] = Array(repeating: 7, count: 32), maxTLP: TLP = .amber
    ) -> Agreement {
        Agreement(
            id: "cert-to-police", producer: "cert", consumer: "police",
            match: .init(taxonomies: ["fraud"], maxTLP: maxTLP), fields: fields, personalData: personalData,
            pseudonymKey: Secret(bytes: key), webhook: nil)
    }

    static func protected() -> IncidentProtector.Result {
        IncidentProtector().protect(draft, id: UUID(), producer: "cert", receivedAt: Date(timeIntervalSince1970: 1_780_000_100))
    }

    static func plaintexts(_ result: IncidentProtector.Result) -> [Token: String] {
        Dictionary(uniqueKeysWithValues: result.vault.map { ($0.token, $0.plaintext) })
    }
}
