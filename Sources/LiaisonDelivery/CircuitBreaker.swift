import LiaisonStore

/// The per-endpoint circuit breaker: after `failures` failed attempts in a row the endpoint is
/// open and its deliveries wait instead of hammering a dead receiver; once `cooldown` has
/// passed, one probe attempt decides (a 2xx closes it, anything else opens it again). Its
/// state is kept in the database (``WebhookEndpointState``), so replicas share one breaker.
public struct CircuitBreaker: Sendable, Hashable {
    /// Failed attempts in a row that open the breaker.
    public var failures: Int
    /// How long an open breaker holds deliveries back before it lets one probe through.
    public var cooldown: Duration

    public init(failures: Int = 5, cooldown: Duration = .seconds(60)) {
        self.failures = failures
        self.cooldown = cooldown
    }

    /// What to do with a delivery to an endpoint in `state`.
    public enum Gate: Sendable, Equatable {
        case send
        /// The cool-down is over: this attempt, if it can take the probe, decides.
        case probe
        /// Open: try again after this long.
        case wait(Duration)
        /// A 410 disabled the endpoint: hold until an admin enables it.
        case disabled
    }

    public func gate(_ state: WebhookEndpointState?) -> Gate {
        guard let state else { return .send }
        if state.disabledAt != nil { return .disabled }
        guard state.consecutiveFailures >= failures else { return .send }
        if let openFor = state.openForSeconds, openFor > 0 { return .wait(.milliseconds(Int64((openFor * 1000).rounded(.up)))) }
        return .probe
    }
}
