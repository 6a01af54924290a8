import Foundation
import LiaisonDelivery
import Testing

@Suite struct NoticeResolutionTests {
    let schedule = RetrySchedule(base: .seconds(1), cap: .seconds(4), maxAttempts: 3)
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A 2xx is sent; a 410 is dead at once; the last failed attempt is dead")
    func finalOutcomes() {
        #expect(NoticeResolution.after(.delivered(status: 202), attempts: 1, schedule: schedule, now: now) == .sent(status: 202))
        #expect(NoticeResolution.after(.gone, attempts: 1, schedule: schedule, now: now) == .dead(status: 410, error: "http-410"))
        #expect(
            NoticeResolution.after(.failed(status: 500, reason: "http-500", retryAfter: nil), attempts: 3, schedule: schedule, now: now)
                == .dead(status: 500, error: "http-500"))
    }

    @Test("An earlier failure is retried after the schedule's delay, or the receiver's Retry-After capped at a day")
    func retries() throws {
        let plain = NoticeResolution.after(.failed(status: nil, reason: "timeout", retryAfter: nil), attempts: 1, schedule: schedule, now: now)
        guard case .retry(let at, nil, "timeout") = plain else { Issue.record("\(plain)"); return }
        #expect(at > now && at <= now.addingTimeInterval(4))
        let asked = NoticeResolution.after(.failed(status: 503, reason: "http-503", retryAfter: 120), attempts: 2, schedule: schedule, now: now)
        #expect(asked == .retry(at: now.addingTimeInterval(120), status: 503, error: "http-503"))
        let greedy = NoticeResolution.after(
            .failed(status: 429, reason: "http-429", retryAfter: 10_000_000), attempts: 1, schedule: schedule, now: now)
        #expect(greedy == .retry(at: now.addingTimeInterval(86_400), status: 429, error: "http-429"))
    }
}
