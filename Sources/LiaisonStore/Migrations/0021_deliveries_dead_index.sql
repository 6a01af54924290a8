-- /metrics counts dead deliveries per consumer at every scrape (issue 17). A partial index
-- on the dead rows keeps that count proportional to the dead letters, not to every delivery
-- ever made; the pending rows already have one (deliveries_due).
CREATE INDEX deliveries_dead ON deliveries (consumer) WHERE status = 'dead';
