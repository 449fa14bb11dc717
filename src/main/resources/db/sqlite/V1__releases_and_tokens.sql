-- Release calls are append-only: a correction is a new row that names the one it supersedes.
CREATE TABLE releases (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  product       TEXT NOT NULL,
  version       TEXT NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('ship', 'wait')),
  decided_by    TEXT NOT NULL,
  metrics       TEXT NOT NULL,
  bar           TEXT NOT NULL,
  accepted_risk TEXT,
  rationale     TEXT,
  wait_until    TEXT,
  supersedes    INTEGER REFERENCES releases (id),
  recorded_at   TEXT NOT NULL,
  statement     TEXT NOT NULL
);

CREATE INDEX releases_by_product ON releases (product, id);

CREATE TRIGGER releases_no_update BEFORE UPDATE ON releases
BEGIN
  SELECT RAISE(ABORT, 'release records are append-only');
END;

CREATE TRIGGER releases_no_delete BEFORE DELETE ON releases
BEGIN
  SELECT RAISE(ABORT, 'release records are append-only');
END;

-- Only a hash of each API token is kept; the token itself is shown once, when created.
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_ref   TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
