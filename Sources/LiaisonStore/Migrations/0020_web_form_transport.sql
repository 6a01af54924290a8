-- The public reporting form (/report/) files citizens' reports through the same intake
-- pipeline as every other transport, under its own transport name, `web-form`.
ALTER TABLE receipts DROP CONSTRAINT receipts_transport_check;
ALTER TABLE receipts ADD CONSTRAINT receipts_transport_check
    CHECK (transport IN ('http-events', 'http-stix', 'taxii', 'http-email', 'mail-pipe', 'web-form'));
