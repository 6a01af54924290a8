-- Two foreign keys only repeated what others already guarantee, and every intake paid a
-- trigger per row for them: a custody record's producer is its incident's producer
-- (incidents.producer references organisations), and a delivery's consumer is its
-- agreement's consumer (agreements.consumer references organisations). The columns stay.

ALTER TABLE custody_records DROP CONSTRAINT custody_records_producer_fkey;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_consumer_fkey;
