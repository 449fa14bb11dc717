-- The webhook outbox: one row per release call and webhook, written in the same transaction as the
-- call, so a call that was acknowledged always has its deliveries waiting. Rows are append-only;
-- the body is kept byte for byte, so every retry sends (and signs) the same bytes.
CREATE TABLE webhook_outbox (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT NOT NULL UNIQUE,
  release_id  INTEGER NOT NULL REFERENCES releases (id),
  url         TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('json', 'slack')),
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TRIGGER webhook_outbox_no_update BEFORE UPDATE ON webhook_outbox
BEGIN
  SELECT RAISE(ABORT, 'the webhook outbox is append-only');
END;

CREATE TRIGGER webhook_outbox_no_delete BEFORE DELETE ON webhook_outbox
BEGIN
  SELECT RAISE(ABORT, 'the webhook outbox is append-only');
END;

-- Where each delivery stands; the one table the sender changes. Times are epoch milliseconds.
CREATE TABLE webhook_deliveries (
  outbox_id       INTEGER PRIMARY KEY REFERENCES webhook_outbox (id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_attempt_at BIGINT,
  last_error      TEXT
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
