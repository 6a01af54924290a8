import Foundation
import LiaisonCore
import LiaisonDelivery
import Logging
import Yams

extension Configuration {
    /// `reidentification.approvers` (`two-producer-admins`, default, or `producer-admin+dpo`,
    /// which needs `governance.operator`: its auditors are the DPO),
    /// `reidentification.request_ttl_hours` (1–720, default 72: how long a request waits for its
    /// approvals), `reidentification.retrieval_ttl_minutes` (1–1,440, default 60: how long the
    /// requester has to retrieve an approved value), `reidentification.notify.ORG.url` and
    /// `.secret` (`whsec_…`, or `env:`/`file:`): the webhook telling producer ORG of new requests
    /// and of new feedback on its incidents (`FeedbackNotifier`).
    mutating func readReidentification(_ node: Yams.Node.Mapping?, environment: [String: String], reader: inout YAMLReader) {
        reidentification.operatorOrganisation = governance.operatorOrganisation
        guard let node else { return }
        reader.rejectUnknownKeys(in: node, known: ["approvers", "request_ttl_hours", "retrieval_ttl_minutes", "notify"], path: "reidentification")
        if let text = reader.string(node, "approvers", path: "reidentification") {
            if let approvers = ReidentificationPolicy.Approvers(rawValue: text) {
                reidentification.approvers = approvers
                if approvers == .producerAdminAndDPO, governance.operatorOrganisation == nil {
                    reader.fail(
                        reader.value(node, "approvers"), key: "reidentification.approvers",
                        "producer-admin+dpo needs governance.operator, whose auditors act as the DPO")
                }
            } else {
                reader.fail(reader.value(node, "approvers"), key: "reidentification.approvers", "must be two-producer-admins or producer-admin+dpo")
            }
        }
        if let hours = reader.int(node, "request_ttl_hours", path: "reidentification", range: 1...720) {
            reidentification.requestTTL = TimeInterval(hours * 3600)
        }
        if let minutes = reader.int(node, "retrieval_ttl_minutes", path: "reidentification", range: 1...1440) {
            reidentification.retrievalTTL = TimeInterval(minutes * 60)
        }
        for (producer, _, webhook, path) in reader.organisationEntries(node, "notify", path: "reidentification") {
            reader.rejectUnknownKeys(in: webhook, known: ["url", "secret"], path: path)
            let url = reader.httpURL(webhook, "url", path: path, required: true)
            guard let reference = reader.string(webhook, "secret", path: path, required: true) else { continue }
            let secretNode = reader.value(webhook, "secret")
            do {
                let text = try SecretReference.resolve(reference, environment: environment)
                guard let secret = WebhookSignature.secret(fromText: text) else {
                    reader.fail(secretNode, key: "\(path).secret", "must be whsec_ followed by base64 of 24 to 64 bytes")
                    continue
                }
                if let url { reidentificationNotify[producer] = NotificationWebhook(url: url, secret: secret) }
            } catch {
                reader.fail(secretNode, key: "\(path).secret", SecretReference.message(error))
            }
        }
    }
}
