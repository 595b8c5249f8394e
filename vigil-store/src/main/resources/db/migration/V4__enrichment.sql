-- Enrichment data (NVD CVSS, EPSS, CISA KEV), kept apart from vulnerabilities but tied to update
-- operations the same way: a record is stored once per content hash and linked to every operation
-- that brought it; garbage collection deletes the records no operation links to.

CREATE TABLE enrichment (
    id      ${autoinc_pk},
    hash    VARCHAR(64) NOT NULL UNIQUE,
    updater TEXT        NOT NULL,
    cve     TEXT        NOT NULL,
    data    TEXT        NOT NULL
);
CREATE INDEX enrichment_cve_idx ON enrichment (cve);

CREATE TABLE uo_enrich (
    uo     BIGINT NOT NULL REFERENCES update_operation (id) ON DELETE CASCADE,
    enrich BIGINT NOT NULL REFERENCES enrichment (id) ON DELETE CASCADE,
    PRIMARY KEY (uo, enrich)
);
CREATE INDEX uo_enrich_enrich_idx ON uo_enrich (enrich);
