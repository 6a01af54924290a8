import Foundation
import HTTPTypes
import Hummingbird
import LiaisonCore
import LiaisonIntake
import LiaisonStore
import Logging
import NIOCore
import NIOHTTP1
import PostgresNIO

/// The one place where failures become problem documents (STYLE: one shape at the HTTP
/// edge). Known domain errors get their own problem; anything else becomes a 500 carrying
/// only a correlation id, logged with the error's type (never its description, which may
/// quote data). `ProblemMiddleware` and the TAXII error middleware both answer with it.
extension Problem {
    static func from(_ error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as IntakeError:
            return Problem(intakeError: error)
        case let rejection as MailSubmission.Rejection:
            return Problem(mailRejection: rejection)
        case let error as HTTPError:
            return Problem(error.status, "http-\(error.status.code)", title: error.status.reasonPhrase, detail: error.status.reasonPhrase)
        case is PSQLError:
            return from(StoreError.classify(error), logger: logger)
        case let error as StoreError:
            return Problem(storeError: error, logger: logger)
        case let refusal as AgreementGovernance.Refusal:
            return Problem(refusal: refusal)
        case let failure as AgreementRecords.Failure:
            return Problem(recordsFailure: failure)
        case let malformed as ReadPurpose.Malformed:
            return Problem(malformedPurpose: malformed)
        case let refusal as ReidentificationPolicy.Refusal:
            return Problem(reidentificationRefusal: refusal)
        case let failure as ReidentificationRecords.Failure:
            return Problem(reidentificationFailure: failure)
        case HTTPParserError.invalidEOFState, is IOError, is ChannelError:
            // The client went away in the middle of its request (an aborted upload): nothing
            // is wrong with the gateway, and no one is left to read the answer.
            logger.info("request body not completed: the connection closed")
            return .badRequest("incomplete-request", "The connection closed before the request's body was complete; nothing was stored.")
        case let error as HTTPParserError:
            // A body the HTTP/1.1 codec cannot read (RFC 9112 section 7.1: a chunk size that is
            // not hexadecimal, say). The error's case names the rule, never the bytes.
            logger.info("request body malformed", metadata: ["http_parser_error": "\(error)"])
            return malformedRequest
        default:
            // A database failure that reached the edge unclassified — the connection pool
            // giving up while PostgreSQL is down, a transaction that could not begin — is the
            // same 503 to retry as one the store classified (the fault suite's scenario 2).
            if let storeError = StoreError.classify(error) as? StoreError {
                return Problem(storeError: storeError, logger: logger)
            }
            return internalError(logging: ["error_type": "\(type(of: error))"], logger: logger)
        }
    }

    /// A 500 whose correlation id the client quotes and the log line carries, with
    /// identifiers and codes only.
    private static func internalError(logging metadata: Logger.Metadata, logger: Logger) -> Problem {
        let correlationID = UUID.random().uuidString.lowercased()
        logger.error("request failed", metadata: metadata.merging(["correlation_id": "\(correlationID)"]) { $1 })
        return Problem.internalError(correlationID: correlationID)
    }

    /// Store failures: the database's absence or load is a 503 to retry; a missing incident
    /// a 404; anything else is the gateway's fault, a 500 whose log line names the SQLSTATE
    /// or the store's reason (never row values).
    private init(storeError error: StoreError, logger: Logger) {
        switch error {
        case .databaseUnavailable:
            logger.warning("database unavailable")
            self = .unavailable
        case .databaseBusy:
            logger.warning("database busy after retries")
            self = Problem(
                .serviceUnavailable, "busy", title: "Database busy",
                detail: "The gateway's database is busy with conflicting work; nothing was stored. Try again shortly.",
                headers: [.retryAfter: "1"])
        case .schemaNotCurrent, .migrationChanged, .schemaNewerThanBinary:
            logger.error("database schema does not match this binary", metadata: ["reason": "\(error.reasonText)"])
            self = Problem(
                .serviceUnavailable, "not-ready", title: "Not ready",
                detail: "The gateway's database schema does not match this gateway; nothing was stored. Try again later.",
                headers: [.retryAfter: "30"])
        case .incidentNotFound:
            self = Problem(.notFound, "not-found", title: "Not found", detail: "No such incident is available to you.")
        case .queryFailed(let state):
            self = Problem.internalError(logging: ["sqlstate": "\(state)"], logger: logger)
        default:
            self = Problem.internalError(logging: ["reason": "\(error.reasonText)"], logger: logger)
        }
    }

    /// Governance refusals: who may not (403), what the version's state does not allow (409),
    /// what the request lacks (422).
    init(refusal: AgreementGovernance.Refusal) {
        switch refusal {
        case .personRequired:
            self = Problem(.forbidden, "person-required", title: "A named person is required",
                           detail: "This step needs a key that belongs to a named person (liaison keys create --person).")
        case .notAParty:
            self = Problem(.forbidden, "not-a-party", title: "Not a party",
                           detail: "Your organisation is neither a party to this agreement nor the gateway's operator.")
        case .samePerson:
            self = Problem(.forbidden, "four-eyes", title: "Second person required",
                           detail: "A version is approved by a person other than whoever drafted, edited or proposed it.")
        case .otherPartyRequired(let organisation):
            self = Problem(.forbidden, "four-eyes", title: "Other party's approval required",
                           detail: "Under governance.approval each-party, this version is approved by an admin of \(organisation).")
        case .wrongState(let state):
            self = Problem(.conflict, "wrong-state", title: "Not allowed in this state",
                           detail: "The version is \(state.rawValue), which does not allow this step.")
        case .notLatestProposal(let latest):
            self = Problem(.conflict, "not-latest-proposal", title: "Not the latest proposal",
                           detail: "Only the latest proposal can be approved; that is version \(latest).")
        case .agreementTerminated:
            self = Problem(.conflict, "agreement-terminated", title: "Agreement terminated",
                           detail: "The agreement was terminated; no version follows.")
        case .reasonRequired:
            self = Problem(.unprocessableContent, "reason-required", title: "Reason required",
                           detail: "Rejecting, suspending and terminating need a reason.", errors: [.init(pointer: "/reason", reason: "is required")])
        }
    }

    init(recordsFailure failure: AgreementRecords.Failure) {
        switch failure {
        case .agreementNotFound, .versionNotFound:
            self = Problem(.notFound, "not-found", title: "No such agreement", detail: "No agreement or version with this id is yours to see.")
        case .staleVersion(let current):
            self = Problem(.preconditionFailed, "stale-version", title: "Changed meanwhile",
                           detail: "The version changed since you read it (its ETag is now \(current)); read it again.",
                           headers: [.eTag: current])
        case .identityChanged:
            self = Problem(.unprocessableContent, "identity-changed", title: "Another agreement",
                           detail: "A version keeps its agreement's id, producer and consumer.",
                           errors: [.init(pointer: "/id", reason: "must stay the agreement's")])
        case .nothingToCompare:
            self = .badRequest("invalid-parameter", "There is no other version to compare with; name one as against.", pointer: "against")
        case .agreementExists(let id):
            self = Problem(.conflict, "agreement-exists", title: "Agreement exists",
                           detail: "An agreement \(id) exists already; propose a new version of it instead.")
        }
    }

    /// A `Liaison-Purpose` that cannot be read: the rule it breaks, never its text (a purpose
    /// is free text, kept out of answers and logs alike), and no pointer into it.
    init(malformedPurpose rule: ReadPurpose.Malformed) {
        let detail = switch rule {
        case .tooLong: "Liaison-Purpose is longer than \(ReadPurpose.maxTextBytes) bytes."
        case .syntax:
            "Liaison-Purpose must read case=<reference>; basis=<text>: parameters separated by ';', each name=value, "
                + "a value as plain text (no ';', '\"' or '\\') or in double quotes."
        case .unknownParameter: "Liaison-Purpose takes the parameters case and basis only."
        case .repeated: "Liaison-Purpose names case or basis twice, or is sent more than once."
        case .caseMissing: "Liaison-Purpose needs case=<reference>: the case or inquiry the read serves."
        case .emptyValue: "A parameter of Liaison-Purpose is empty."
        case .caseTooLong: "case= in Liaison-Purpose holds at most \(ReadPurpose.maxCaseLength) characters."
        case .basisTooLong: "basis= in Liaison-Purpose holds at most \(ReadPurpose.maxBasisLength) characters."
        case .controlCharacter: "Liaison-Purpose may hold no control or format characters."
        }
        self = Problem(.badRequest, "purpose-malformed", title: "Malformed purpose", detail: detail + " Nothing was disclosed.")
    }

    /// A read without the purpose its agreement versions require.
    static let purposeRequired = Problem(
        .preconditionRequired, "purpose-required", title: "Purpose required",
        detail: "What you read is shared under an agreement that requires a purpose for every read. Send "
            + "'Liaison-Purpose: case=<case or inquiry reference>; basis=<legal basis>' (without basis, the agreement's legal "
            + "basis is recorded). The purpose and your name are recorded with the disclosure. Nothing was disclosed.")
    /// Re-identification refusals: who may not (403), what the request's status does not allow
    /// (409), what is gone for good (410: expired, retrieved, erased). Never the value.
    init(reidentificationRefusal refusal: ReidentificationPolicy.Refusal) {
        switch refusal {
        case .personRequired:
            self = Problem(.forbidden, "person-required", title: "A named person is required",
                           detail: "Re-identification needs a key that belongs to a named person (liaison keys create --person).")
        case .notFound:
            self = Problem(.notFound, "not-found", title: "No such request", detail: "No re-identification request with this id is yours to see.")
        case .notAnApprover:
            self = Problem(.forbidden, "not-an-approver", title: "Not an approver",
                           detail: "Requests are approved by the producer's admins, and under producer-admin+dpo by an auditor of the operator organisation as DPO.")
        case .requesterCannotApprove:
            self = Problem(.forbidden, "four-eyes", title: "Requester cannot approve",
                           detail: "Whoever asked for a value does not approve the request.")
        case .alreadyApproved:
            self = Problem(.forbidden, "four-eyes", title: "Second person required",
                           detail: "You approved this request already; the other approval is another person's.")
        case .otherApproverRequired(let role):
            self = Problem(.forbidden, "four-eyes", title: "Other approver required",
                           detail: "The approval still missing is a \(role.rawValue)'s.")
        case .wrongState(.pending):
            self = Problem(.conflict, "not-approved", title: "Not approved yet", detail: "The request awaits its approvals.")
        case .wrongState(let status):
            self = Problem(.conflict, "wrong-state", title: "Not allowed in this state",
                           detail: "The request is \(status.rawValue), which does not allow this step.")
        case .expired:
            self = Problem(.gone, "reidentification-expired", title: "Request expired",
                           detail: "The request's time ran out (before approval or before retrieval); ask again if the case still needs it.")
        case .alreadyRetrieved:
            self = Problem(.gone, "already-retrieved", title: "Already retrieved",
                           detail: "The value was retrieved once; it is not given again.")
        case .valueErased:
            self = Problem(.gone, "value-erased", title: "Value erased",
                           detail: "The value was erased from the vault (erasure or retention); it cannot be revealed.")
        case .reasonRequired:
            self = Problem(.unprocessableContent, "reason-required", title: "Reason required",
                           detail: "Rejecting a request needs a reason.", errors: [.init(pointer: "/reason", reason: "is required")])
        }
    }

    init(reidentificationFailure failure: ReidentificationRecords.Failure) {
        switch failure {
        case .notShared:
            self = Problem(.notFound, "not-found", title: "No such incident", detail: "No incident (version) with this id is shared with you.",
                           errors: [.init(pointer: "/incident", reason: "not shared with you")])
        case .notLocated(.revealed):
            self = Problem(.conflict, "already-revealed", title: "Shown in plaintext",
                           detail: "Your agreement showed you this value itself; there is nothing to re-identify.",
                           errors: [.init(pointer: "/pointer", reason: "shown in plaintext")])
        case .notLocated(.ambiguous):
            self = Problem(.unprocessableContent, "ambiguous-value", title: "Ambiguous value",
                           detail: "Different values stand at this place rendered alike; name the value by its observable's pointer.",
                           errors: [.init(pointer: "/pointer", reason: "holds different values rendered alike")])
        case .notLocated(let reason):
            let why = switch reason {
            case .noSuchPlace: "names no shared place that holds values (/title, /description, /observables/N/value)"
            case .notPersonalData: "holds no personal data: it was shared as it is"
            default: "shows nothing as the text given in /shown"
            }
            self = Problem(.notFound, "value-not-found", title: "No such value",
                           detail: "What you received of this incident holds no masked, pseudonymised or generalised value there.",
                           errors: [.init(pointer: "/pointer", reason: why)])
        }
    }

    private init(intakeError error: IntakeError) {
        switch error {
        case .empty:
            self = Problem(.unprocessableContent, "empty-body", title: "No events", detail: "The body holds no event.")
        case .tooManyEvents(let limit):
            self = Problem(
                .contentTooLarge, "too-many-events", title: "Too many events",
                detail: "A request may hold at most \(limit) events; split it into smaller requests.")
        case .invalidJSON(let errors):
            self = Problem(
                .unprocessableContent, "invalid-json", title: "Not strict JSON",
                detail: errors.total == 1
                    ? "The body \(errors[0].explanation) (byte \(errors[0].offset)); nothing was stored."
                    : "\(errors.total) lines are not strict JSON; nothing was stored.",
                errors: errors.map { Item(pointer: $0.pointer, reason: $0.reason.rawValue + ": " + $0.explanation, offset: $0.offset) },
                errorCount: errors.total)
        case .invalidEvents(let problems, let events):
            self = Problem(
                .unprocessableContent, "invalid-events", title: "Invalid events",
                detail: "\(events) event(s) break the event schema; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) }, errorCount: problems.total)
        case .invalidBundle(let problems):
            self = Problem(
                .unprocessableContent, "invalid-bundle", title: "Not a STIX 2.1 bundle",
                detail: "The body is not a STIX 2.1 bundle; nothing was stored.",
                errors: problems.map { Item(pointer: $0.pointer, reason: $0.reason) })
        case .tooManyObjects(let limit):
            self = Problem(
                .contentTooLarge, "too-many-objects", title: "Too many objects",
                detail: "A bundle may hold at most \(limit) objects; split it into smaller bundles.")
        }
    }

    private init(mailRejection rejection: MailSubmission.Rejection) {
        switch rejection {
        case .unparsable(.limitExceeded(let bound, let limit, let path)):
            let status: HTTPResponse.Status = bound == .messageBytes ? .contentTooLarge : .unprocessableContent
            self = Problem(
                status, "mail-bound-exceeded", title: "Message over a bound",
                detail: "The message exceeds the gateway's bound on \(bound.rawValue) (\(limit)); nothing was stored.",
                errors: [Item(pointer: path, reason: "\(bound.rawValue) over \(limit)")])
        case .unparsable(.parseTimeout(let limit, let path)):
            self = Problem(
                .unprocessableContent, "mail-parse-timeout", title: "Message took too long to parse",
                detail: "Parsing and mapping the message took longer than the gateway's \(limit.components.seconds) s; nothing was stored.",
                errors: [Item(pointer: path, reason: "parse time over \(limit.components.seconds) s")])
        case .unparsable(.hostilePart(let rule, let path)):
            self = Problem(
                .unprocessableContent, "mail-hostile-part", title: "Message carries a hostile part",
                detail: "A part of the message is an attack on its reader (\(rule)), so the whole message is refused; nothing was stored.",
                errors: [Item(pointer: path, reason: rule)])
        case .unparsable(let error):
            self = Problem(
                .unprocessableContent, "mail-unparsable", title: "Message cannot be parsed",
                detail: "The body is not an RFC 5322 message the gateway can read (\(error)); nothing was stored.")
        case .noIncident(let parts):
            self = Problem(
                .unprocessableContent, "mail-no-report", title: "No report in the message",
                detail: "No part of the message holds a report the gateway can map; nothing was stored.",
                errors: parts.map { Item(pointer: $0.path, reason: "\($0.status)\($0.reason.map { ": \($0)" } ?? "")") })
        case .senderRefused(let refusal):
            self = Problem(
                .forbidden, "mail-sender-refused", title: "Sender not admitted",
                detail: "The producer's sender rule does not admit this message (\(refusal.rawValue)); nothing was stored.")
        }
    }
}
