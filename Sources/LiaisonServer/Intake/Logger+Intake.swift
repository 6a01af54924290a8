import LiaisonCore
import Logging

extension Logger {
    /// The one log line of a committed intake, whatever its transport: identifiers and
    /// counts, never content.
    func intakeCommitted(_ receipt: Receipt) {
        info(
            "intake committed",
            metadata: [
                "transport": "\(receipt.transport.rawValue)", "receipt": "\(receipt.id)",
                "objects": "\(receipt.outcomes.count)", "incidents": "\(receipt.incidentIDs.count)",
            ])
    }
}
