-- Versions: a producer that re-sends an incident with a newer version of its own (a STIX
-- object's `modified`) updates the stored incident. The version it replaces is kept in
-- incident_versions; each version has its own custody record; a consumer gets a new
-- delivery only where its projection changed.

ALTER TABLE incidents
    ADD COLUMN version integer NOT NULL DEFAULT 1,
    ADD COLUMN source_modified timestamptz;

CREATE TABLE incident_versions (
    incident_id      uuid NOT NULL REFERENCES incidents (id),
    version          integer NOT NULL,
    source_modified  timestamptz,
    superseded_at    timestamptz NOT NULL,
    -- The incident as it stood, tokens in place of personal data, like the incidents row.
    document         jsonb NOT NULL,
    PRIMARY KEY (incident_id, version)
);

ALTER TABLE custody_records ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE custody_records DROP CONSTRAINT custody_records_pkey;
ALTER TABLE custody_records ADD PRIMARY KEY (incident_id, version);

ALTER TABLE deliveries ADD COLUMN incident_version integer NOT NULL DEFAULT 1;
ALTER TABLE deliveries DROP CONSTRAINT deliveries_incident_id_agreement_id_key;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_incident_version_agreement_key
    UNIQUE (incident_id, agreement_id, incident_version);
