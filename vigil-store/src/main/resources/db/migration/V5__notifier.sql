-- The notifier's state: one notification set per processed update operation (an empty set records
-- that the operation was processed and affects nothing), its notifications in order, and when the
-- set is next due for delivery. Acknowledging or expiring a set deletes its notifications and
-- keeps the set row, so that its operation is never processed again.

CREATE TABLE notification_set (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    uo_ref        VARCHAR(36) NOT NULL UNIQUE,
    updater       TEXT        NOT NULL,
    created       BIGINT      NOT NULL,
    size          INTEGER     NOT NULL,
    done          INTEGER     NOT NULL DEFAULT 0,
    next_delivery BIGINT      NOT NULL,
    attempts      INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX notification_set_due_idx ON notification_set (done, next_delivery);

CREATE TABLE notification (
    set_id        VARCHAR(36) NOT NULL REFERENCES notification_set (id) ON DELETE CASCADE,
    seq           INTEGER     NOT NULL,
    id            VARCHAR(36) NOT NULL,
    manifest      TEXT        NOT NULL,
    reason        TEXT        NOT NULL,
    vulnerability TEXT        NOT NULL,
    PRIMARY KEY (set_id, seq)
);
