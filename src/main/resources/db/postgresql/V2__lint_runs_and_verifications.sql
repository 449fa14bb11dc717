-- One row per recorded lint run, for a trend of findings over time. The fingerprint is a SHA-256
-- over the run's sorted finding identities and entity count: equal fingerprints, same result.
CREATE TABLE lint_runs (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE FUNCTION lint_runs_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'lint runs are append-only';
END
$$;

CREATE TRIGGER lint_runs_no_change BEFORE UPDATE OR DELETE ON lint_runs
  FOR EACH ROW EXECUTE FUNCTION lint_runs_append_only();

CREATE FUNCTION verifications_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'verifications are append-only';
END
$$;

CREATE TRIGGER verifications_no_change BEFORE UPDATE OR DELETE ON verifications
  FOR EACH ROW EXECUTE FUNCTION verifications_append_only();
