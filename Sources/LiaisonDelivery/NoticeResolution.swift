import Foundation
import Logging
import ServiceLifecycle

/// What becomes of a producer notice (a re-identification request, a consumer's feedback)
/// after one attempt to send it: the one rule both notifiers follow, with the delivery
/// worker's retry schedule and a receiver's `Retry-After` (capped at a day).
public enum NoticeResolution: Sendable, Equatable {
    case sent(status: Int)
    /// Given up: a 410, the last attempt, or no webhook configured now.
    case dead(status: Int?, error: String)
    case retry(at: Date, status: Int?, error: String)

    /// The resolution of `outcome` for a notice that has had `attempts` attempts, this one included.
    public static func after(_ outcome: WebhookSender.Outcome, attempts: Int, schedule: RetrySchedule, now: Date) -> NoticeResolution {
        switch outcome {
        case .delivered(let status):
            return .sent(status: status)
        case .gone:
            return .dead(status: 410, error: "http-410")
        case .failed(let status, let reason, let retryAfter):
            if attempts >= schedule.maxAttempts { return .dead(status: status, error: reason) }
            var random = SystemRandomNumberGenerator()
            var wait = schedule.delay(afterAttempt: attempts, using: &random)
            if let retryAfter { wait = max(wait, .seconds(min(retryAfter, 86_400))) }
            let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
            return .retry(at: now.addingTimeInterval(seconds), status: status, error: reason)
        }
    }
}

/// The loop both producer notifiers run: claim due notices (16 at a time), send them side by
/// side, and when none are due wait `pollInterval`; on graceful shutdown finish the batch in
/// hand and return. A failed claim is logged (its error's type only) and tried again.
func runNoticeLoop<Notice: Sendable>(
    _ what: String, pollInterval: Duration, logger: Logger, claim: () async throws -> [Notice],
    send: @escaping @Sendable (Notice) async -> Void
) async {
    while !Task.isCancelled, !Task.isShuttingDownGracefully {
        let notices: [Notice]
        do {
            notices = try await claim()
        } catch {
            logger.warning("cannot claim \(what) notices", metadata: ["error": "\(type(of: error))"])
            notices = []
        }
        if notices.isEmpty {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            continue
        }
        await withDiscardingTaskGroup { group in
            for notice in notices { group.addTask { await send(notice) } }
        }
    }
}
