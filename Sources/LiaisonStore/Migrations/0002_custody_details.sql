-- Transport facts of the custody record (for e-mail: Message-ID, Date, Subject, From,
-- Received chain, signature status), protected like the incident: tokens, not values.
ALTER TABLE custody_records ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
