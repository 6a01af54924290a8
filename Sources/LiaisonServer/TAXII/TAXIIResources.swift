import Foundation
import LiaisonCore

/// TAXII 2.1 resources (OASIS TAXII 2.1, section 4 and 5), as this gateway serves them.
enum TAXII {
    struct Discovery: Codable, Sendable {
        var title: String
        var description: String
        var `default`: String
        var apiRoots: [String]

        enum CodingKeys: String, CodingKey {
            case title, description, `default`
            case apiRoots = "api_roots"
        }
    }

    struct APIRoot: Codable, Sendable {
        var title: String
        var description: String
        var versions: [String]
        var maxContentLength: Int

        enum CodingKeys: String, CodingKey {
            case title, description, versions
            case maxContentLength = "max_content_length"
        }
    }

    struct Collection: Codable, Sendable, Hashable {
        var id: String
        var title: String
        var description: String
        var canRead: Bool
        var canWrite: Bool
        var mediaTypes: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, description
            case canRead = "can_read"
            case canWrite = "can_write"
            case mediaTypes = "media_types"
        }
    }

    /// `{"collections": [...]}`, or `{}` when the caller sees none (section 5.1).
    struct Collections: Codable, Sendable {
        var collections: [Collection]?
    }

    struct StatusDetails: Codable, Sendable, Hashable {
        var id: String
        var version: String
        var message: String?
    }

    /// The status resource of one add-objects request (section 4.3.1). Intake is
    /// synchronous, so every status this gateway gives is `complete`.
    struct Status: Codable, Sendable {
        var id: String
        var status: String
        var requestTimestamp: String
        var totalCount: Int
        var successCount: Int
        var successes: [StatusDetails]
        var failureCount: Int
        var failures: [StatusDetails]
        var pendingCount: Int
        var pendings: [StatusDetails]

        enum CodingKeys: String, CodingKey {
            case id, status, successes, failures, pendings
            case requestTimestamp = "request_timestamp"
            case totalCount = "total_count"
            case successCount = "success_count"
            case failureCount = "failure_count"
            case pendingCount = "pending_count"
        }

        /// The status of the request a receipt answered: one entry per object. An object
        /// that had no readable id is named by its JSON Pointer in the envelope.
        init(_ receipt: Receipt) {
            self.init(id: receipt.id.uuidString.lowercased(), outcomes: receipt.outcomes, requestedAt: receipt.receivedAt)
        }

        /// The status of a push whose objects several earlier pushes hold: each success
        /// names its holder's receipt (its status id). Nothing was stored, so this status
        /// has an id of its own that is not kept.
        init(outcomes: [Receipt.Outcome], requestedAt: Date) {
            self.init(id: UUID.random().uuidString.lowercased(), outcomes: outcomes, requestedAt: requestedAt)
        }

        private init(id: String, outcomes: [Receipt.Outcome], requestedAt: Date) {
            let timestamp = RFC3339.string(from: requestedAt)
            var successes: [StatusDetails] = [], failures: [StatusDetails] = []
            for outcome in outcomes {
                let objectID = outcome.objectID ?? "/objects/\(outcome.index)"
                let version = outcome.version ?? timestamp
                if outcome.status == .rejected {
                    let reasons = (outcome.errors ?? []).map { "\($0.pointer): \($0.reason)" }
                    failures.append(StatusDetails(id: objectID, version: version, message: reasons.joined(separator: "; ")))
                } else {
                    var message = outcome.incidentID.map { "\(outcome.status.rawValue): incident \($0.uuidString.lowercased())" }
                        ?? "\(outcome.status.rawValue): kept as context"
                    if let holder = outcome.receiptID { message += ", held since status \(holder.uuidString.lowercased())" }
                    successes.append(StatusDetails(id: objectID, version: version, message: message))
                }
            }
            self.id = id
            self.status = "complete"
            self.requestTimestamp = timestamp
            self.totalCount = outcomes.count
            self.successCount = successes.count
            self.successes = successes
            self.failureCount = failures.count
            self.failures = failures
            self.pendingCount = 0
            self.pendings = []
        }
    }

    /// The TAXII error message (section 3.6.1), made from our problem document.
    struct ErrorMessage: Codable, Sendable {
        var title: String
        var description: String
        var errorCode: String
        var httpStatus: String
        var details: [String: String]?

        enum CodingKeys: String, CodingKey {
            case title, description, details
            case errorCode = "error_code"
            case httpStatus = "http_status"
        }

        init(_ problem: Problem) {
            title = problem.title
            description = problem.detail
            errorCode = problem.slug
            httpStatus = String(problem.status.code)
            details = problem.errors.isEmpty
                ? nil : Dictionary(problem.errors.map { ($0.pointer, $0.reason) }, uniquingKeysWith: { "\($0); \($1)" })
        }
    }
}
