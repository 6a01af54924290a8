import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import ServiceLifecycle

/// Where a producer is told of new re-identification requests (`reidentification.notify.ORG`):
/// a URL and a Standard Webhooks secret.
public struct NotificationWebhook: Sendable, Hashable {
    public var url: String
    public var secret: Secret

    public init(url: String, secret: Secret) {
        self.url = url
        self.secret = secret
    }
}

/// Tells producers of new re-identification requests: claims due notifications from their
/// outbox, POSTs each, signed, to the producer's webhook, and records the outcome with the
/// delivery worker's retry schedule. The body names the request and the value's kind, never a
/// value; the producer's admins then read the request in the admin API. On graceful shutdown
/// it finishes the batch in hand and returns.
public struct ReidentificationNotifier: Service {
    public var store: PostgresIncidentStore
    public var sender: WebhookSender
    public var webhooks: [String: NotificationWebhook]
    public var schedule: RetrySchedule
    public var pollInterval: Duration
    public var logger: Logger

    public init(
        store: PostgresIncidentStore, sender: WebhookSender, webhooks: [String: NotificationWebhook], schedule: RetrySchedule,
        pollInterval: Duration = .seconds(1), logger: Logger
    ) {
        self.store = store
        self.sender = sender
        self.webhooks = webhooks
        self.schedule = schedule
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        await runNoticeLoop("re-identification", pollInterval: pollInterval, logger: logger) {
            try await store.claimDueReidentificationNotices(limit: 16, lease: .seconds(60))
        } send: { notice in
            await send(notice)
        }
    }

    /// Sends one notice and records what happened; a failed write leaves the lease to run out.
    func send(_ notice: ReidentificationNotice) async {
        var metadata: Logger.Metadata = ["reidentification": "\(notice.requestID)", "producer": "\(notice.producer)"]
        do {
            guard let webhook = webhooks[notice.producer] else {
                try await store.markNoticeDead(notice, status: nil, error: "no-webhook")
                logger.notice("re-identification notice dropped: the producer has no webhook now", metadata: metadata)
                return
            }
            let body = try CanonicalJSON.encode(ReidentificationNoticePayload(notice, now: Date()))
            let outcome = await sender.send(
                body: body, to: webhook.url, messageID: "reid_\(notice.requestID.uuidString.lowercased())", secret: webhook.secret,
                now: Date())
            switch NoticeResolution.after(outcome, attempts: notice.attempts, schedule: schedule, now: Date()) {
            case .sent(let status):
                try await store.markNoticeSent(notice, status: status)
                logger.info("re-identification notice sent", metadata: metadata)
            case .dead(let status, let reason):
                metadata["reason"] = "\(reason)"
                try await store.markNoticeDead(notice, status: status, error: reason)
                logger.warning("re-identification notice dead: the receiver refused it for good, or its last attempt failed", metadata: metadata)
            case .retry(let retryAt, let status, let reason):
                metadata["reason"] = "\(reason)"
                try await store.scheduleNoticeRetry(notice, at: retryAt, status: status, error: reason)
                logger.notice("re-identification notice failed; will retry", metadata: metadata)
            }
        } catch {
            logger.error("re-identification notice not recorded; it will be retried", metadata: metadata.merging(["error": "\(type(of: error))"]) { $1 })
        }
    }
}

/// The notification body: the Standard Webhooks envelope around what a producer's admins
/// need to find the request (`GET /v1/admin/reidentifications/{id}`).
public struct ReidentificationNoticePayload: Codable, Sendable, Equatable {
    public struct Summary: Codable, Sendable, Equatable {
        public var id: UUID
        public var producer: String
        public var consumer: String
        public var incident: UUID
        public var incidentVersion: Int
        public var agreement: String
        public var kind: PersonalDataKind
        public var rendering: RenderAction
        public var approvers: ReidentificationPolicy.Approvers
        public var createdAt: Date
        public var expiresAt: Date

        enum CodingKeys: String, CodingKey {
            case id, producer, consumer, incident, agreement, kind, rendering, approvers
            case incidentVersion = "incident_version"
            case createdAt = "created_at"
            case expiresAt = "expires_at"
        }
    }

    public var type: String
    public var timestamp: Date
    public var data: Summary

    public init(_ notice: ReidentificationNotice, now: Date) {
        type = "reidentification.requested"
        timestamp = now
        data = Summary(
            id: notice.requestID, producer: notice.producer, consumer: notice.consumer, incident: notice.incidentID,
            incidentVersion: notice.incidentVersion, agreement: notice.agreementID, kind: notice.kind, rendering: notice.rendering,
            approvers: notice.rule, createdAt: notice.createdAt, expiresAt: notice.expiresAt)
    }
}
