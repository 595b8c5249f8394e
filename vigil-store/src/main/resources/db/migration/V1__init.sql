-- One schema for SQLite and PostgreSQL. Times are epoch milliseconds; empty strings stand for
-- absent text so that equality matching works alike on both databases.

CREATE TABLE update_operation (
    id          ${autoinc_pk},
    ref         VARCHAR(36) NOT NULL UNIQUE,
    updater     TEXT        NOT NULL,
    fingerprint TEXT        NOT NULL,
    date        BIGINT      NOT NULL
);
CREATE INDEX update_operation_updater_idx ON update_operation (updater, id);

-- A vulnerability is stored once per content hash and linked to every operation that brought it.
CREATE TABLE vuln (
    id                     ${autoinc_pk},
    hash                   VARCHAR(64) NOT NULL UNIQUE,
    updater                TEXT        NOT NULL,
    name                   TEXT        NOT NULL,
    description            TEXT        NOT NULL,
    issued                 BIGINT,
    links                  TEXT        NOT NULL,
    severity               TEXT        NOT NULL,
    normalized_severity    TEXT        NOT NULL,
    package_name           TEXT        NOT NULL,
    package_kind           TEXT        NOT NULL,
    package_version        TEXT        NOT NULL,
    package_module         TEXT        NOT NULL,
    package_arch           TEXT        NOT NULL,
    dist_did               TEXT        NOT NULL,
    dist_name              TEXT        NOT NULL,
    dist_version           TEXT        NOT NULL,
    dist_version_code_name TEXT        NOT NULL,
    dist_version_id        TEXT        NOT NULL,
    dist_arch              TEXT        NOT NULL,
    dist_cpe               TEXT        NOT NULL,
    dist_pretty_name       TEXT        NOT NULL,
    repo_name              TEXT        NOT NULL,
    repo_key               TEXT        NOT NULL,
    repo_uri               TEXT        NOT NULL,
    fixed_in_version       TEXT        NOT NULL,
    arch_op                TEXT        NOT NULL
);
CREATE INDEX vuln_package_name_idx ON vuln (package_name);

CREATE TABLE uo_vuln (
    uo   BIGINT NOT NULL REFERENCES update_operation (id) ON DELETE CASCADE,
    vuln BIGINT NOT NULL REFERENCES vuln (id) ON DELETE CASCADE,
    PRIMARY KEY (uo, vuln)
);
CREATE INDEX uo_vuln_vuln_idx ON uo_vuln (vuln);

CREATE TABLE index_report (
    manifest_hash TEXT   NOT NULL PRIMARY KEY,
    report        TEXT   NOT NULL,
    updated       BIGINT NOT NULL
);
