-- One row per recorded lint run, for a trend of findings over time. The fingerprint is a SHA-256
-- over the run's sorted finding identities and entity count: equal fingerprints, same result.
CREATE TABLE lint_runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  recorded_at TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('cli', 'serve')),
  entities    INTEGER NOT NULL,
  files       INTEGER NOT NULL,
  errors      INTEGER NOT NULL,
  warnings    INTEGER NOT NULL,
  infos       INTEGER NOT NULL,
  findings    INTEGER NOT NULL,
  by_rule     TEXT NOT NULL
);

-- One row per contract of an imported verify report; the whole per-contract result is kept as
-- the JSON that `whodecides verify --format json` printed for it.
CREATE TABLE verifications (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  imported_at TEXT NOT NULL,
  contract    TEXT NOT NULL,
  file        TEXT,
  server      TEXT,
  passed      INTEGER NOT NULL,
  failed      INTEGER NOT NULL,
  errors      INTEGER NOT NULL,
  result      TEXT NOT NULL
);

CREATE INDEX verifications_by_contract ON verifications (contract, id);

-- Both are records of what happened: append-only, like release calls.
CREATE TRIGGER lint_runs_no_update BEFORE UPDATE ON lint_runs
BEGIN
  SELECT RAISE(ABORT, 'lint runs are append-only');
END;

CREATE TRIGGER lint_runs_no_delete BEFORE DELETE ON lint_runs
BEGIN
  SELECT RAISE(ABORT, 'lint runs are append-only');
END;

CREATE TRIGGER verifications_no_update BEFORE UPDATE ON verifications
BEGIN
  SELECT RAISE(ABORT, 'verifications are append-only');
END;

CREATE TRIGGER verifications_no_delete BEFORE DELETE ON verifications
BEGIN
  SELECT RAISE(ABORT, 'verifications are append-only');
END;
