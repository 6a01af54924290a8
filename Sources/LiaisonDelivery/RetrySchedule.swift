/// When to try a failed delivery again: exponential backoff from `base`, capped at
/// `cap`, with "equal jitter" (half fixed, half random) so that many failed
/// deliveries to one endpoint do not return in lockstep.
public struct RetrySchedule: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// After this many attempts a delivery is dead.
    public var maxAttempts: Int

    /// The default spreads 12 attempts over about three days, as Standard Webhooks suggests.
    public init(base: Duration = .seconds(30), cap: Duration = .seconds(12 * 3600), maxAttempts: Int = 12) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// The wait after attempt number `attempt` (1-based) failed.
    public func delay(afterAttempt attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(max(attempt - 1, 0), 40)
        let raw = base * (1 << min(exponent, 30))
        let capped = raw > cap || exponent > 30 ? cap : raw
        let half = capped / 2
        return half + half * Double.random(in: 0...1, using: &random)
    }
}
