import Foundation
import LiaisonCore
import PostgresNIO

/// How one agreement's webhook stands: its circuit breaker and whether a `410 Gone` disabled
/// it. Only endpoints that ever failed have one; no state means healthy.
public struct WebhookEndpointState: Sendable, Hashable, Codable {
    public var agreementID: String
    public var url: String
    /// Failed attempts since the last 2xx.
    public var consecutiveFailures: Int
    /// Until when the breaker holds deliveries back (nil: closed, or never opened).
    public var openUntil: Date?
    /// Seconds until `openUntil`, on the database's clock (0 or less: a probe is due).
    public var openForSeconds: Double?
    public var disabledAt: Date?
    /// Why it was disabled: `http-410`.
    public var disabledReason: String?

    enum CodingKeys: String, CodingKey {
        case url
        case agreementID = "agreement_id"
        case consecutiveFailures = "consecutive_failures"
        case openUntil = "open_until"
        case openForSeconds = "open_for_seconds"
        case disabledAt = "disabled_at"
        case disabledReason = "disabled_reason"
    }
}

/// What enabling an agreement's webhook again found.
public enum WebhookEnabling: Sendable, Equatable {
    /// The endpoints were enabled and their breakers closed; `resumed` held deliveries are due now.
    case enabled(resumed: Int)
    case notFound
}

extension PostgresIncidentStore {
    /// The recorded state of the webhooks of `agreementIDs`, keyed by agreement and URL.
    public func webhookEndpoints(of agreementIDs: [String]) async throws -> [String: [String: WebhookEndpointState]] {
        let states = try await endpointStates(
            """
            SELECT agreement_id, url, consecutive_failures, open_until, EXTRACT(EPOCH FROM open_until - now())::float8,
                   disabled_at, disabled_reason
            FROM webhook_endpoints WHERE agreement_id = ANY(\(agreementIDs)::text[])
            """)
        return Dictionary(grouping: states, by: \.agreementID).mapValues { Dictionary($0.map { ($0.url, $0) }) { $1 } }
    }

    /// The endpoints with a recorded state, of agreements `party` is a party to (all when nil).
    public func webhookEndpoints(party: String?) async throws -> [WebhookEndpointState] {
        try await endpointStates(
            """
            SELECT e.agreement_id, e.url, e.consecutive_failures, e.open_until, EXTRACT(EPOCH FROM e.open_until - now())::float8,
                   e.disabled_at, e.disabled_reason
            FROM webhook_endpoints e JOIN agreements a ON a.id = e.agreement_id
            WHERE \(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party)
            ORDER BY e.agreement_id, e.url
            """)
    }

    /// Counts a failed attempt; once `threshold` failures follow one another the breaker opens
    /// for `cooldown` (a failed probe opens it again). Returns the failures in a row.
    public func recordEndpointFailure(agreementID: String, url: String, threshold: Int, cooldown: Duration) async throws -> Int {
        let seconds = cooldown.postgresSeconds
        let rows = try await fetch(
            """
            INSERT INTO webhook_endpoints AS e (agreement_id, url, consecutive_failures, open_until)
            VALUES (\(agreementID), \(url), 1, CASE WHEN 1 >= \(threshold) THEN now() + make_interval(secs => \(seconds)) END)
            ON CONFLICT (agreement_id, url) DO UPDATE SET consecutive_failures = e.consecutive_failures + 1,
                open_until = CASE WHEN e.consecutive_failures + 1 >= \(threshold) THEN now() + make_interval(secs => \(seconds))
                                  ELSE e.open_until END
            RETURNING consecutive_failures
            """, logger: logger)
        var failures = 0
        for try await count in rows.decode(Int.self) { failures = count }
        return failures
    }

    /// A 2xx: the breaker closes, the count starts again, and the deliveries the open breaker
    /// held are due now.
    public func recordEndpointSuccess(agreementID: String, url: String) async throws {
        try await withTransaction { connection in
            try await connection.guardedQuery(
                """
                UPDATE webhook_endpoints SET consecutive_failures = 0, open_until = NULL
                WHERE agreement_id = \(agreementID) AND url = \(url)
                """, logger: logger)
            try await connection.guardedQuery(
                """
                UPDATE deliveries SET next_attempt_at = now(), scheduled_at = now()
                WHERE agreement_id = \(agreementID) AND status = 'pending' AND last_error = 'circuit-open' AND next_attempt_at > now()
                """, logger: logger)
        }
    }

    /// Takes the one probe of a breaker whose cool-down is over: true for exactly one caller
    /// across replicas (the breaker stays open for another `cooldown` meanwhile).
    public func takeEndpointProbe(agreementID: String, url: String, cooldown: Duration) async throws -> Bool {
        let rows = try await fetch(
            """
            UPDATE webhook_endpoints SET open_until = now() + make_interval(secs => \(cooldown.postgresSeconds))
            WHERE agreement_id = \(agreementID) AND url = \(url) AND open_until <= now() AND disabled_at IS NULL
            RETURNING 1
            """, logger: logger)
        var taken = false
        for try await _ in rows.decode(Int.self) { taken = true }
        return taken
    }

    /// The receiver said it is gone: no more attempts until an admin enables it again.
    public func disableEndpoint(agreementID: String, url: String, reason: String) async throws {
        try await fetch(
            """
            INSERT INTO webhook_endpoints AS e (agreement_id, url, disabled_at, disabled_reason)
            VALUES (\(agreementID), \(url), now(), \(reason))
            ON CONFLICT (agreement_id, url) DO UPDATE SET disabled_at = now(), disabled_reason = \(reason)
            """, logger: logger)
    }

    /// Puts a claimed delivery back without sending it: its claim does not count as an attempt.
    /// Due again `delay` from now, or (nil) only when its endpoint is enabled again.
    public func holdDelivery(_ job: DeliveryJob, for delay: Duration?, reason: String) async throws {
        let seconds = delay?.postgresSeconds
        try await fetch(
            """
            UPDATE deliveries SET attempts = GREATEST(attempts - 1, 0), scheduled_at = now(), last_error = \(reason),
                   next_attempt_at = CASE WHEN \(seconds)::float8 IS NULL THEN 'infinity'::timestamptz
                                          ELSE now() + make_interval(secs => \(seconds)::float8) END
            WHERE id = \(job.id) AND status = 'pending'
            """, logger: logger)
    }

    /// Enables an agreement's webhook again (every URL it had): the breaker closes, and the
    /// deliveries held while it was disabled are due now. Audited.
    public func enableWebhook(agreementID: String, party: String?, by actor: AuditActor) async throws -> WebhookEnabling {
        try await withTransaction { connection -> WebhookEnabling in
            let rows = try await connection.guardedQuery(
                """
                SELECT count(*) FROM webhook_endpoints e JOIN agreements a ON a.id = e.agreement_id
                WHERE e.agreement_id = \(agreementID) AND (\(party)::text IS NULL OR a.producer = \(party) OR a.consumer = \(party))
                """, logger: logger)
            var found = 0
            for try await count in rows.decode(Int.self) { found = count }
            guard found > 0 else { return .notFound }
            try await connection.guardedQuery(
                """
                UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, consecutive_failures = 0, open_until = NULL
                WHERE agreement_id = \(agreementID)
                """, logger: logger)
            let resumed = try await connection.guardedQuery(
                """
                UPDATE deliveries SET next_attempt_at = now(), scheduled_at = now()
                WHERE agreement_id = \(agreementID) AND status = 'pending' AND last_error = 'endpoint-disabled'
                RETURNING 1
                """, logger: logger)
            var count = 0
            for try await _ in resumed.decode(Int.self) { count += 1 }
            try await appendAudit(
                by: actor, action: "enable-webhook", subject: "agreement:\(agreementID)", details: ["resumed": count], on: connection)
            return .enabled(resumed: count)
        }
    }

    private func endpointStates(_ query: PostgresQuery) async throws -> [WebhookEndpointState] {
        var states: [WebhookEndpointState] = []
        for try await (agreement, url, failures, openUntil, openFor, disabledAt, reason) in try await fetch(query, logger: logger)
            .decode((String, String, Int, Date?, Double?, Date?, String?).self)
        {
            states.append(WebhookEndpointState(
                agreementID: agreement, url: url, consecutiveFailures: failures, openUntil: openUntil, openForSeconds: openFor,
                disabledAt: disabledAt, disabledReason: reason))
        }
        return states
    }
}

extension Duration {
    /// Seconds as a `Double`, for `make_interval(secs => ...)`.
    var postgresSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
