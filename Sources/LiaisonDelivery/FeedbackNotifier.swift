import Foundation
import LiaisonCore
import LiaisonStore
import Logging
import ServiceLifecycle

/// Tells producers of new feedback on their incidents: claims due notices from the feedback
/// outbox and POSTs each, signed (Standard Webhooks, `webhook-id` `fb_<feedback id>`), to the
/// producer's notification webhook (`reidentification.notify.ORG`, which carries both kinds of
/// notice), resolving each attempt as the re-identification notices are (``NoticeResolution``).
/// The body is the feedback as `GET /v1/feedback` shows it: personal values as their kind.
public struct FeedbackNotifier: Service {
    /// The re-identification notifier whose store, sender, webhooks, schedule and logger this
    /// one shares: a producer has one notification webhook, which carries both kinds of notice.
    public var base: ReidentificationNotifier

    public init(alongside base: ReidentificationNotifier) {
        self.base = base
    }

    public func run() async throws {
        await runNoticeLoop("feedback", pollInterval: base.pollInterval, logger: base.logger) {
            try await base.store.claimDueFeedbackNotices(limit: 16, lease: .seconds(60))
        } send: { notice in
            await send(notice)
        }
    }

    /// Sends one notice and records what happened; a failed write leaves the lease to run out.
    func send(_ notice: FeedbackNotice) async {
        let metadata: Logger.Metadata = ["feedback": "\(notice.feedback.id)", "producer": "\(notice.feedback.producer)"]
        do {
            guard let webhook = base.webhooks[notice.feedback.producer] else {
                try await base.store.resolveFeedbackNotice(notice, status: "dead", retryAt: nil, lastStatus: nil, error: "no-webhook")
                base.logger.notice("feedback notice dropped: the producer has no webhook now", metadata: metadata)
                return
            }
            let body = try CanonicalJSON.encode(FeedbackNoticePayload(notice.feedback, now: Date()))
            let outcome = await base.sender.send(
                body: body, to: webhook.url, messageID: "fb_\(notice.feedback.id.uuidString.lowercased())", secret: webhook.secret,
                now: Date())
            switch NoticeResolution.after(outcome, attempts: notice.attempts, schedule: base.schedule, now: Date()) {
            case .sent(let status):
                try await base.store.resolveFeedbackNotice(notice, status: "sent", retryAt: nil, lastStatus: status, error: nil)
                base.logger.info("feedback notice sent", metadata: metadata)
            case .dead(let status, let reason):
                try await base.store.resolveFeedbackNotice(notice, status: "dead", retryAt: nil, lastStatus: status, error: reason)
                base.logger.warning("feedback notice dead", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
            case .retry(let retryAt, let status, let reason):
                try await base.store.resolveFeedbackNotice(notice, status: "pending", retryAt: retryAt, lastStatus: status, error: reason)
                base.logger.notice("feedback notice failed; will retry", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
            }
        } catch {
            base.logger.error("feedback notice not recorded; it will be retried", metadata: metadata.merging(["error": "\(type(of: error))"]) { $1 })
        }
    }
}

/// The feedback webhook's body: the Standard Webhooks envelope (`type` `feedback.received`)
/// around the feedback as the producer reads it.
public struct FeedbackNoticePayload: Encodable, Sendable {
    public var type = "feedback.received"
    public var timestamp: Date
    public var data: FeedbackView

    public init(_ feedback: Feedback, now: Date) {
        timestamp = now
        data = FeedbackView(feedback)
    }
}
