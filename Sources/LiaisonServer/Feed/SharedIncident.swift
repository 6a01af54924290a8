import Foundation
import LiaisonCore
import LiaisonDelivery
import LiaisonStore

extension DisclosureRenderer {
    /// The latest disclosure of incident `id` to `consumer`, rendered as it is shown now, with
    /// that version's custody record; nil when the incident is not shared with the consumer,
    /// or no longer shown (its agreement suspended, terminated or gone). The one answer to
    /// "may this consumer read this incident" for the incident API and for feedback: both
    /// answer nil with the same 404, so that an incident's existence is not disclosed either.
    func latestShown(_ id: UUID, to consumer: String) async throws -> (shown: Rendered, custody: CustodyRecord)? {
        guard let (disclosure, custody) = try await store.latestDisclosure(of: id, to: consumer),
            case .success(let shown)? = try await render([disclosure]).first
        else { return nil }
        return (shown, custody)
    }
}
