-- The webhook outbox: one row per release call and webhook, written in the same transaction as the
-- call, so a call that was acknowledged always has its deliveries waiting. Rows are append-only;
-- the body is kept byte for byte, so every retry sends (and signs) the same bytes.
CREATE TABLE webhook_outbox (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id    TEXT NOT NULL UNIQUE,
  release_id  BIGINT NOT NULL REFERENCES releases (id),
  url         TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('json', 'slack')),
  body        TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE FUNCTION webhook_outbox_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the webhook outbox is append-only';
END
$$;

CREATE TRIGGER webhook_outbox_no_change BEFORE UPDATE OR DELETE ON webhook_outbox
  FOR EACH ROW EXECUTE FUNCTION webhook_outbox_append_only();

-- Where each delivery stands; the one table the sender changes. Times are epoch milliseconds.
CREATE TABLE webhook_deliveries (
  outbox_id       BIGINT PRIMARY KEY REFERENCES webhook_outbox (id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_attempt_at BIGINT,
  last_error      TEXT
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
