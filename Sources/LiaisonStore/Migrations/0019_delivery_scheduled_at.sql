-- When a delivery's next attempt was scheduled, on the database's clock. A pending delivery is
-- due when its time has come, or when the clock now reads earlier than the moment its attempt
-- was scheduled: the clock was set back, and a lease or a retry wait measured from a moment that
-- has not come again would otherwise hold the delivery for as long as the clock moved (an hour
-- set back, an hour stuck; found by deploy/local/faults, scenario 7).
ALTER TABLE deliveries ADD COLUMN scheduled_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX deliveries_scheduled ON deliveries (scheduled_at) WHERE status = 'pending';
