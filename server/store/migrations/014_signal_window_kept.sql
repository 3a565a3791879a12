-- A page of signals no longer reads every organisation's window sums, every organisation, the
-- window's first day moment by moment and its organisations' weekly sums on each request: an API
-- process keeps what it read of them and asks only whether they still stand.
--
-- The window's sums (005) and the weekly sums (013) are numbered: `generation` goes up each time
-- they are summed again. The window's are now marked stale by a counter of the window's first day
-- too (005 left that day out, as its moments were read one by one on every request), so while the
-- number stands, neither the sums nor the moments of that day have changed, and a process may keep
-- both; the weekly sums of the organisations it read likewise.
ALTER TABLE signal_window ADD COLUMN generation bigint NOT NULL DEFAULT 0;
ALTER TABLE signal_weeks_kept ADD COLUMN generation bigint NOT NULL DEFAULT 0;

-- The window (`want_after`, `want_before`) summed, first again when stale or of another window,
-- its number raised then; the window's row as it is after. The lock makes one reader sum while
-- others wait, as before.
CREATE FUNCTION loket_signal_window_fresh(want_after date, want_before date) RETURNS signal_window LANGUAGE plpgsql AS $$
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
      UPDATE signal_window SET after = want_after, before = want_before, is_valid = true, generation = signal_window.generation + 1
      RETURNING * INTO w;
    END IF;
  END IF;
  RETURN w;
END
$$;

-- As before (a process of the previous version may still call it), summing through the function above.
CREATE OR REPLACE FUNCTION loket_signal_window(want_after date, want_before date) RETURNS TABLE (organisation_id text, counts jsonb) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM loket_signal_window_fresh(want_after, want_before);
  RETURN QUERY SELECT t.organisation_id, t.counts FROM signal_window_totals t;
END
$$;

-- The window's sums with their number; only the number (one row, no organisation) when it is
-- `known`, the number of the sums the caller keeps.
CREATE FUNCTION loket_signal_window_since(want_after date, want_before date, known bigint) RETURNS TABLE (generation bigint, organisation_id text, counts jsonb) LANGUAGE plpgsql AS $$
DECLARE
  w signal_window;
BEGIN
  w := loket_signal_window_fresh(want_after, want_before);
  IF w.generation = known THEN
    RETURN QUERY SELECT w.generation, NULL::text, NULL::jsonb;
  ELSE
    RETURN QUERY SELECT w.generation, t.organisation_id, t.counts FROM signal_window_totals t;
  END IF;
END
$$;

-- The weekly sums of `want_from` to `want_to` (013), summed again first when stale or of other
-- days, their number raised then; their row as it is after.
CREATE FUNCTION loket_signal_weeks_fresh(want_from date, want_to date, want_split date) RETURNS signal_weeks_kept LANGUAGE plpgsql AS $$
DECLARE
  k signal_weeks_kept;
BEGIN
  SELECT * INTO k FROM signal_weeks_kept;
  IF NOT (k.is_valid AND k.from_day = want_from AND k.to_day = want_to AND k.split_after = want_split) THEN
    SELECT * INTO k FROM signal_weeks_kept FOR UPDATE;
    IF NOT (k.is_valid AND k.from_day = want_from AND k.to_day = want_to AND k.split_after = want_split) THEN
      DELETE FROM signal_weeks;
      INSERT INTO signal_weeks (organisation_id, first_day, kind, source, product_area, kb_query, count)
      SELECT s.organisation_id, min(s.day), s.kind, s.source, s.product_area, s.kb_query, sum(s.count)::integer
      FROM signal_rollup_slots s WHERE s.day BETWEEN want_from AND want_to
      GROUP BY s.organisation_id, date_trunc('week', s.day::timestamp), s.day > want_split, s.kind, s.source, s.product_area, s.kb_query
      ORDER BY s.organisation_id;
      UPDATE signal_weeks_kept SET from_day = want_from, to_day = want_to, split_after = want_split, is_valid = true, generation = signal_weeks_kept.generation + 1
      RETURNING * INTO k;
      ANALYZE signal_weeks;
    END IF;
  END IF;
  RETURN k;
END
$$;

-- As before (a process of the previous version may still call it), summing through the function above.
CREATE OR REPLACE FUNCTION loket_signal_weeks(want_from date, want_to date, want_split date, ids text[])
RETURNS TABLE (organisation_id text, first_day date, kind text, source text, product_area text, kb_query text, count integer) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM loket_signal_weeks_fresh(want_from, want_to, want_split);
  RETURN QUERY SELECT w.organisation_id, w.first_day, w.kind, w.source, w.product_area, w.kb_query, w.count
    FROM signal_weeks w WHERE w.organisation_id = ANY(ids);
END
$$;

-- The weekly sums with their number: first a row of the number alone (no organisation), then the
-- sums of `missing` (the organisations the caller does not keep) when it is `known`, the number of
-- those the caller keeps, else of every one of `ids`. Planned for the ids given (EXECUTE), so an
-- organisation's sums are read through its index however many are asked.
CREATE FUNCTION loket_signal_weeks_since(want_from date, want_to date, want_split date, known bigint, ids text[], missing text[])
RETURNS TABLE (generation bigint, organisation_id text, first_day date, kind text, source text, product_area text, kb_query text, count integer) LANGUAGE plpgsql AS $$
DECLARE
  k signal_weeks_kept;
BEGIN
  k := loket_signal_weeks_fresh(want_from, want_to, want_split);
  RETURN QUERY SELECT k.generation, NULL::text, NULL::date, NULL::text, NULL::text, NULL::text, NULL::text, NULL::integer;
  RETURN QUERY EXECUTE
    'SELECT $1, w.organisation_id, w.first_day, w.kind, w.source, w.product_area, w.kb_query, w.count FROM signal_weeks w WHERE w.organisation_id = ANY($2)'
    USING k.generation, CASE WHEN k.generation = known THEN missing ELSE ids END;
END
$$;

-- A counter written or removed marks the sums stale when its day is among theirs: for the window's,
-- now its first day as well.
CREATE OR REPLACE FUNCTION loket_signal_window_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE signal_window w SET is_valid = false
  WHERE w.is_valid AND EXISTS (SELECT 1 FROM changed c WHERE c.day >= w.after AND c.day < w.before);
  UPDATE signal_weeks_kept k SET is_valid = false
  WHERE k.is_valid AND EXISTS (SELECT 1 FROM changed c WHERE c.day BETWEEN k.from_day AND k.to_day);
  RETURN NULL;
END
$$;

-- The organisations numbered the same way: raised by every statement that changes one, so a
-- process keeps the list signals rank (id, name, first class) while the number stands.
CREATE TABLE organisation_generation (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  generation bigint NOT NULL
);
INSERT INTO organisation_generation (generation) VALUES (1);
CREATE FUNCTION loket_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organisation_generation SET generation = generation + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION loket_organisations_changed();
