import Foundation
import Hummingbird
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

/// `GET /v1/webhooks/{agreement}/public-key` (any key of either party, or of the operator): the
/// Ed25519 public key that verifies the agreement's `v1a` webhook signatures, as a JWK (RFC 8037)
/// and in Standard Webhooks form (`whpk_` + base64). Each agreement has its own key.
struct WebhookKeyController {
    let store: PostgresIncidentStore
    let agreements: AgreementRegistry
    let governance: AgreementGovernance

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("webhooks/:agreement/public-key") { _, context -> Response in
            let principal = try context.require(.producer, .consumer, .admin, .auditor)
            guard let id = context.parameters.get("agreement"), let agreement = agreements.book[id],
                [agreement.producer, agreement.consumer, governance.operatorOrganisation].contains(principal.organisation)
            else {
                throw Problem(
                    .notFound, "not-found", title: "No such agreement", detail: "No agreement in force with this id is yours to see.")
            }
            let raw = Array(store.signer.webhookKey(agreement: agreement.id).publicKey.rawRepresentation)
            return try JSONResponse.make(.ok, WebhookPublicKey(raw: raw, agreementID: agreement.id, v1a: agreement.webhook?.v1a ?? false))
        }
    }
}

/// An agreement's `v1a` verification key: a JWK with the agreement and, for Standard Webhooks
/// libraries, the same key as `whpk_` + base64.
struct WebhookPublicKey: Encodable {
    var jwk: ReceiptPublicKey
    var agreementID: String
    var standardWebhooks: String
    /// Whether the agreement's webhook sends `v1a` signatures now.
    var inUse: Bool

    init(raw: [UInt8], agreementID: String, v1a: Bool) {
        jwk = ReceiptPublicKey(raw: raw)
        self.agreementID = agreementID
        standardWebhooks = "whpk_" + Data(raw).base64EncodedString()
        inUse = v1a
    }

    enum CodingKeys: String, CodingKey {
        case kty, crv, x, kid
        case agreementID = "agreement_id"
        case standardWebhooks = "standard_webhooks"
        case inUse = "in_use"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jwk.kty, forKey: .kty)
        try container.encode(jwk.crv, forKey: .crv)
        try container.encode(jwk.x, forKey: .x)
        try container.encode(jwk.kid, forKey: .kid)
        try container.encode(agreementID, forKey: .agreementID)
        try container.encode(standardWebhooks, forKey: .standardWebhooks)
        try container.encode(inUse, forKey: .inUse)
    }
}
