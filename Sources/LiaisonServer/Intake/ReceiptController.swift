import Foundation
import Hummingbird
import LiaisonCore
import LiaisonStore

/// `GET /v1/receipts/public-key` (any key): the gateway's receipt-signing key as a JWK;
/// `GET /v1/receipts/{id}` (producer): a receipt the caller was given, as first signed.
struct ReceiptController {
    let store: PostgresIncidentStore

    func addRoutes(to group: RouterGroup<LiaisonRequestContext>) {
        group.get("receipts/public-key") { _, context -> Response in
            _ = try context.require(.producer, .consumer, .admin, .auditor)
            return try JSONResponse.make(.ok, store.signer.publicKey)
        }
        group.get("receipts/:id") { _, context -> Response in
            let producer = try context.require(.producer)
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
                let receipt = try await store.receipt(id: id, producer: producer.organisation)
            else {
                throw Problem(.notFound, "not-found", title: "No such receipt", detail: "No receipt with this id was given to you.")
            }
            return JSONResponse.receipt(.ok, receipt)
        }
    }
}
