-- Four-eyes approval and accountability need persons, not only organisations. An admin,
-- auditor or consumer key belongs to a named person of its organisation (staff data, shown
-- to that organisation's admins and auditors only); producer keys may stay machine keys.
-- Keys may expire, and a revocation records who revoked them. Keys made before this
-- migration keep working without a person (NOT VALID: the rule binds new keys).

ALTER TABLE api_keys
    ADD COLUMN person      text CHECK (person IS NULL OR length(person) BETWEEN 1 AND 200),
    ADD COLUMN expires_at  timestamptz,
    ADD COLUMN revoked_by  text;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_person_named
    CHECK (role = 'producer' OR person IS NOT NULL) NOT VALID;
CREATE INDEX api_keys_org ON api_keys (org_id);
