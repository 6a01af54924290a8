-- Organisations get a display name and points of contact (role, name, e-mail, phone):
-- staff data, shown to the organisation's own admins and auditors and to the operator's.
-- Organisations made before this migration, by their first key, have neither.

ALTER TABLE organisations
    ADD COLUMN name       text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
    ADD COLUMN contacts   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contacts) = 'array'),
    ADD COLUMN updated_at timestamptz;
