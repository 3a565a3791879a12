-- Signals read a page of organisations' counters: by organisation and day, so the series and top
-- lists of 50 organisations read their rows only, not every organisation's over twelve weeks.
CREATE INDEX signal_rollups_organisation_day ON signal_rollups (organisation_id, day);

-- Ranking every organisation needs the window's whole days (strictly after `after`, before
-- `before`: the days between the two the window cuts) summed per organisation, kind and source.
-- Kept here, one row per organisation, for the last window asked: those days lie in the past, so
-- the sums change only when the window moves (once a day: summed again then) or a counter of one
-- of those days changes (rare: moments are counted on the day they happen), which marks them stale.
CREATE TABLE signal_window (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  after date NOT NULL,
  before date NOT NULL,
  is_valid boolean NOT NULL
);
INSERT INTO signal_window (after, before, is_valid) VALUES ('1970-01-01', '1970-01-01', false);

CREATE TABLE signal_window_totals (
  organisation_id text PRIMARY KEY,
  counts jsonb NOT NULL -- {"<kind> <source>": moments}
);

-- The sums of the window (`want_after`, `want_before`), summed again first when they are stale or
-- of another window. The lock on signal_window makes one reader sum them while others wait, and a
-- counter written meanwhile marks them stale only after that reader is done.
CREATE FUNCTION loket_signal_window(want_after date, want_before date) RETURNS TABLE (organisation_id text, counts jsonb) LANGUAGE plpgsql AS $$
DECLARE
  w signal_window;
BEGIN
  SELECT * INTO w FROM signal_window;
  IF NOT (w.is_valid AND w.after = want_after AND w.before = want_before) THEN
    SELECT * INTO w FROM signal_window FOR UPDATE;
    IF NOT (w.is_valid AND w.after = want_after AND w.before = want_before) THEN
      DELETE FROM signal_window_totals;
      INSERT INTO signal_window_totals (organisation_id, counts)
      SELECT s.organisation_id, jsonb_object_agg(s.kind || ' ' || s.source, s.n)
      FROM (SELECT r.organisation_id, r.kind, r.source, sum(r.count) AS n FROM signal_rollups r
            WHERE r.day > want_after AND r.day < want_before GROUP BY 1, 2, 3) s
      GROUP BY s.organisation_id;
      UPDATE signal_window SET after = want_after, before = want_before, is_valid = true;
    END IF;
  END IF;
  RETURN QUERY SELECT t.organisation_id, t.counts FROM signal_window_totals t;
END
$$;

-- A counter of the summed days written or removed: the sums are stale. Counters of today (nearly
-- every write) lie outside them and leave them be.
CREATE FUNCTION loket_signal_window_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE signal_window w SET is_valid = false
  WHERE w.is_valid AND EXISTS (SELECT 1 FROM changed c WHERE c.day > w.after AND c.day < w.before);
  RETURN NULL;
END
$$;
CREATE FUNCTION loket_signal_window_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE signal_window SET is_valid = false WHERE is_valid;
  RETURN NULL;
END
$$;
CREATE TRIGGER signal_window_inserted AFTER INSERT ON signal_rollups REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION loket_signal_window_written();
CREATE TRIGGER signal_window_updated AFTER UPDATE ON signal_rollups REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION loket_signal_window_written();
CREATE TRIGGER signal_window_deleted AFTER DELETE ON signal_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION loket_signal_window_cleared();
CREATE TRIGGER signal_window_truncated AFTER TRUNCATE ON signal_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION loket_signal_window_cleared();
