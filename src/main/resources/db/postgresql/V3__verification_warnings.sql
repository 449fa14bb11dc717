-- A check whose rule has severity warning or info and fails is a warning: reported, but the
-- contract's run does not fail for it. Rows recorded before warnings existed have none.
ALTER TABLE verifications ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;
