-- Registrations that do not queue behind each other: the signal counters kept in slots.
--
-- Every registration raises its organisation's counter of the day in its own transaction, just
-- before COMMIT. With one row per counter, that row stays locked until the COMMIT is on disk, so
-- all registrations of an organisation committed one after another, each waiting for the previous
-- one's WAL flush. Now each counter is a few rows (a slot per database connection, by its
-- process id): transactions on different connections raise different rows and commit side by
-- side (and their flushes are shared). What readers see is unchanged: `signal_rollups` is a view
-- that adds the slots up, with the columns and types of the table it replaces.

ALTER TABLE signal_rollups RENAME TO signal_rollup_slots;
ALTER TABLE signal_rollup_slots ADD COLUMN slot smallint NOT NULL DEFAULT 0;
ALTER TABLE signal_rollup_slots DROP CONSTRAINT signal_rollups_pkey;
ALTER TABLE signal_rollup_slots ADD CONSTRAINT signal_rollup_slots_pkey PRIMARY KEY (day, organisation_id, kind, source, product_area, kb_query, slot);

-- The counters as one row per key; a filter on any key column (the day) is applied before the sum.
CREATE VIEW signal_rollups AS
  SELECT organisation_id, day, kind, source, product_area, kb_query, sum(count)::integer AS count
  FROM signal_rollup_slots
  GROUP BY day, organisation_id, kind, source, product_area, kb_query;

-- Counts every contact moment again, in `zone`, into slot 0 (as 003 did into the table).
CREATE OR REPLACE FUNCTION loket_fill_signal_rollups(zone text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM signal_rollup_slots;
  INSERT INTO signal_rollup_slots (organisation_id, day, kind, source, product_area, kb_query, count)
  SELECT organisation_id, day, kind, source, product_area, kb_query, count(*)
  FROM (
    SELECT i.organisation_id, (((i.data->>'registeredAt')::timestamptz) AT TIME ZONE zone)::date AS day,
           i.data->>'kind' AS kind, 'incident' AS source, i.data->>'productArea' AS product_area,
           lower(btrim(regexp_replace(coalesce(i.data->>'kbQuery', ''), '\s+', ' ', 'g'))) AS kb_query
    FROM incidents i
    UNION ALL
    SELECT i.organisation_id, ((m.at::timestamptz) AT TIME ZONE zone)::date,
           i.data->>'kind', CASE WHEN m.data->>'channel' = 'phone' THEN 'phone' ELSE 'reaction' END, i.data->>'productArea', ''
    FROM messages m JOIN incidents i ON i.id = m.incident_id
    WHERE m.data->>'channel' = 'phone' OR (m.data->>'visibility' = 'public' AND m.data->>'author' LIKE 'contact:%')
  ) moments
  GROUP BY organisation_id, day, kind, source, product_area, kb_query;
  INSERT INTO signal_rollup_zone (time_zone) VALUES (zone) ON CONFLICT (only_row) DO UPDATE SET time_zone = EXCLUDED.time_zone;
$$;
