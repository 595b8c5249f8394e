-- What the server needs beyond the CLI: the indexer state each report was made with, and the
-- layers that Clair v1 API clients (klar) post one at a time.

ALTER TABLE index_report ADD COLUMN indexer_state TEXT NOT NULL DEFAULT '';

CREATE TABLE legacy_layer (
    name          TEXT   NOT NULL PRIMARY KEY,
    parent_name   TEXT   NOT NULL,
    layer_hash    TEXT   NOT NULL,
    path          TEXT   NOT NULL,
    manifest_hash TEXT   NOT NULL,
    namespace     TEXT   NOT NULL,
    created       BIGINT NOT NULL
);
CREATE INDEX legacy_layer_parent_idx ON legacy_layer (parent_name);
