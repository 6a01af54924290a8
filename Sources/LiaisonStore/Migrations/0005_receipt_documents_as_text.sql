-- A receipt is kept as the exact bytes that were signed and answered (RFC 8785 JSON)
-- rather than as jsonb, which reorders keys and reformats; and uncompressed, since a
-- large intake's receipt was compressed on every write for no reader's benefit.

ALTER TABLE receipts ALTER COLUMN document TYPE text USING document::text;
ALTER TABLE receipts ALTER COLUMN document SET STORAGE EXTERNAL;
