-- Signal counters: contact moments per organisation, local day (in the desk's time zone) and
-- everything the signals group by, raised by the store on every write that makes one, so the
-- signals read counters instead of every incident and message. A contact moment is an incident
-- registered, a customer's public reaction, or a logged phone contact (server/domain/signals.ts).

CREATE TABLE signal_rollups (
  organisation_id text NOT NULL,
  day date NOT NULL,
  kind text NOT NULL,
  source text NOT NULL,            -- incident | reaction | phone
  product_area text NOT NULL,
  kb_query text NOT NULL DEFAULT '', -- the normalised KB search behind a registration; '' for none
  count integer NOT NULL CHECK (count > 0),
  PRIMARY KEY (day, organisation_id, kind, source, product_area, kb_query)
);

-- The time zone the counters' days are in: one row. The store rebuilds the counters at start when
-- the desk's time zone is another (loket_fill_signal_rollups).
CREATE TABLE signal_rollup_zone (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  time_zone text NOT NULL
);

-- The moments of the days a rolling window cuts in two are read one by one: by time.
CREATE INDEX incidents_registered_at ON incidents (((data->>'registeredAt') COLLATE "C"));
CREATE INDEX messages_at ON messages (at);

-- Counts every contact moment of the stored records again, in `zone`, and records the zone.
CREATE FUNCTION loket_fill_signal_rollups(zone text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM signal_rollups;
  INSERT INTO signal_rollups (organisation_id, day, kind, source, product_area, kb_query, count)
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

-- Filled from the records already stored, in the demo desk's time zone; another desk's is
-- counted again at the store's first start.
SELECT loket_fill_signal_rollups('Europe/Amsterdam');
