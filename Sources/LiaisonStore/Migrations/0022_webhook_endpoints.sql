-- Endpoint health (issue 15): one row per agreement webhook (the agreement and its URL, so a
-- new URL in a later version starts healthy) that has ever failed. It holds the circuit
-- breaker (consecutive failures, open until when) and whether a 410 Gone disabled it. It lives
-- in the database, not in each process, because replicas share the receivers: a 410 seen by one
-- replica must stop all of them, and one probe must decide for all of them.
CREATE TABLE webhook_endpoints (
    agreement_id         text NOT NULL REFERENCES agreements (id),
    url                  text NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    open_until           timestamptz,
    disabled_at          timestamptz,
    disabled_reason      text,
    PRIMARY KEY (agreement_id, url)
);
-- Deliveries held by a disabled endpoint or an open breaker are found again, by agreement, when
-- it is enabled or closes.
CREATE INDEX deliveries_held ON deliveries (agreement_id)
    WHERE status = 'pending' AND last_error IN ('endpoint-disabled', 'circuit-open');

-- When a delivery died, so that an admin can replay a consumer's dead letters "since" an outage
-- began. Deliveries that died before this migration have none; they count from when they were
-- queued.
ALTER TABLE deliveries ADD COLUMN dead_at timestamptz;
