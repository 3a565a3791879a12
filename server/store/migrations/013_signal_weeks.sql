-- Signals read less per request. A page of signals reads its organisations' counters of twelve
-- weeks summed per ISO week: kept
-- here for the past days of the last series asked (every organisation, one row per week, side of
-- the window's first day and key), so a page reads a few rows per organisation, stored together,
-- instead of a row per day scattered over the counters. Those days lie in the past: the sums
-- change only when the series moves (once a day: summed again then) or a counter of one of those
-- days is written (rare), which marks them stale, as 005 does for the window's sums. Filled on the
-- first read, from the counters already there.
CREATE TABLE signal_weeks_kept (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  from_day date NOT NULL,
  to_day date NOT NULL,
  split_after date NOT NULL,
  is_valid boolean NOT NULL
);
INSERT INTO signal_weeks_kept (from_day, to_day, split_after, is_valid) VALUES ('1970-01-01', '1970-01-01', '1970-01-01', false);

CREATE TABLE signal_weeks (
  organisation_id text NOT NULL,
  first_day date NOT NULL, -- the first day the sum covers
  kind text NOT NULL,
  source text NOT NULL,
  product_area text NOT NULL,
  kb_query text NOT NULL,
  count integer NOT NULL
);
CREATE INDEX signal_weeks_organisation ON signal_weeks (organisation_id);

-- The sums of the days `want_from` to `want_to` (inclusive) of the organisations `ids`, per ISO
-- week, side of `want_split` and key; summed again first for every organisation when they are
-- stale or of other days. One reader sums while others wait (the lock on signal_weeks_kept).
CREATE FUNCTION loket_signal_weeks(want_from date, want_to date, want_split date, ids text[])
RETURNS TABLE (organisation_id text, first_day date, kind text, source text, product_area text, kb_query text, count integer) LANGUAGE plpgsql AS $$
DECLARE
  k signal_weeks_kept;
BEGIN
  SELECT * INTO k FROM signal_weeks_kept;
  IF NOT (k.is_valid AND k.from_day = want_from AND k.to_day = want_to AND k.split_after = want_split) THEN
    SELECT * INTO k FROM signal_weeks_kept FOR UPDATE;
    IF NOT (k.is_valid AND k.from_day = want_from AND k.to_day = want_to AND k.split_after = want_split) THEN
      DELETE FROM signal_weeks;
      -- In organisation order: an organisation's sums end up on a few pages together.
      INSERT INTO signal_weeks (organisation_id, first_day, kind, source, product_area, kb_query, count)
      SELECT s.organisation_id, min(s.day), s.kind, s.source, s.product_area, s.kb_query, sum(s.count)::integer
      FROM signal_rollup_slots s WHERE s.day BETWEEN want_from AND want_to
      GROUP BY s.organisation_id, date_trunc('week', s.day::timestamp), s.day > want_split, s.kind, s.source, s.product_area, s.kb_query
      ORDER BY s.organisation_id;
      UPDATE signal_weeks_kept SET from_day = want_from, to_day = want_to, split_after = want_split, is_valid = true;
      ANALYZE signal_weeks;
    END IF;
  END IF;
  RETURN QUERY SELECT w.organisation_id, w.first_day, w.kind, w.source, w.product_area, w.kb_query, w.count
    FROM signal_weeks w WHERE w.organisation_id = ANY(ids);
END
$$;

-- A counter written or removed marks the sums stale when its day is among theirs (005's window
-- sums as before). Counters of today (nearly every write) lie outside both and leave them be.
CREATE OR REPLACE FUNCTION loket_signal_window_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE signal_window w SET is_valid = false
  WHERE w.is_valid AND EXISTS (SELECT 1 FROM changed c WHERE c.day > w.after AND c.day < w.before);
  UPDATE signal_weeks_kept k SET is_valid = false
  WHERE k.is_valid AND EXISTS (SELECT 1 FROM changed c WHERE c.day BETWEEN k.from_day AND k.to_day);
  RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION loket_signal_window_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE signal_window SET is_valid = false WHERE is_valid;
  UPDATE signal_weeks_kept SET is_valid = false WHERE is_valid;
  RETURN NULL;
END
$$;

-- Signals list every organisation's name and class on every request: kept beside the record (and
-- filled for every organisation now), not parsed out of it thousands of times per request.
ALTER TABLE organisations
  ADD COLUMN name text GENERATED ALWAYS AS (data->>'name') STORED,
  ADD COLUMN is_first_class boolean GENERATED ALWAYS AS ((data->>'isFirstClass')::boolean) STORED;
