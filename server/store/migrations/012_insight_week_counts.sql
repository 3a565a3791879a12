-- KB insight counts distinct visits per week, not per day: a report (whole weeks, 1 to 52, ending
-- with the current one) then sums a dozen weeks' counters instead of counting distinct visits over
-- every visit's day rows, which grow with traffic. Replaces kb_query_days and kb_search_days,
-- filled from them. And what readers missed is counted per article and day, so a report reads the
-- texts of the articles it lists only.

-- Per key and visit, each week (its Monday, a local date in the desk's time zone) the visit was seen
-- under the key: 'searched' (lang and query ''), or per language and normalised query 'no_results'
-- (its search found nothing) or 'incident' (it sent an incident after it). `since`: the week the visit
-- was last seen under the key before `week`, or '-infinity' when not in the 51 weeks before (no
-- report reaches that far back). A report that starts on Monday M counts a visit in the first week
-- of the report it was seen in: the week with `since` < M.
CREATE TABLE kb_visit_weeks (
  kind text NOT NULL,
  lang text NOT NULL,
  query text NOT NULL,
  session text NOT NULL,
  week date NOT NULL,
  since date NOT NULL,
  PRIMARY KEY (kind, lang, query, session, week)
);

-- The visits of kb_visit_weeks counted per key, week and `since`, kept up to date in the statement
-- that keeps a record; `deflected` (for 'searched'): of those, the visits that never sent an
-- incident; `last_at`: the latest record counted in the week ('' for a row only moved to).
CREATE TABLE kb_week_counts (
  kind text NOT NULL,
  lang text NOT NULL,
  query text NOT NULL,
  week date NOT NULL,
  since date NOT NULL,
  visits integer NOT NULL,
  deflected integer NOT NULL,
  last_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (kind, lang, query, week, since)
);
CREATE INDEX kb_week_counts_week ON kb_week_counts (week);

INSERT INTO kb_visit_weeks (kind, lang, query, session, week, since)
SELECT kind, lang, query, session, week, CASE WHEN prev >= week - 357 THEN prev ELSE '-infinity'::date END
FROM (
  SELECT kind, lang, query, session, week, lag(week) OVER (PARTITION BY kind, lang, query, session ORDER BY week) AS prev
  FROM (
    SELECT DISTINCT 'searched' AS kind, '' AS lang, '' AS query, session, day - (extract(isodow FROM day)::int - 1) AS week FROM kb_search_days
    UNION ALL
    SELECT DISTINCT kind, lang, query, session, day - (extract(isodow FROM day)::int - 1) FROM kb_query_days
  ) seen
) ordered;

INSERT INTO kb_week_counts (kind, lang, query, week, since, visits, deflected, last_at)
SELECT v.kind, v.lang, v.query, v.week, v.since, count(*),
  count(*) FILTER (WHERE v.kind = 'searched' AND NOT coalesce(k.has_incident, false)),
  coalesce(max(l.last_at), '')
FROM kb_visit_weeks v
LEFT JOIN kb_visits k ON k.session = v.session
LEFT JOIN (
  SELECT kind, lang, query, session, day - (extract(isodow FROM day)::int - 1) AS week, max(last_at) AS last_at
  FROM kb_query_days GROUP BY 1, 2, 3, 4, 5
) l ON l.kind = v.kind AND l.lang = v.lang AND l.query = v.query AND l.session = v.session AND l.week = v.week
GROUP BY v.kind, v.lang, v.query, v.week, v.since;

DROP TABLE kb_query_days;
DROP TABLE kb_search_days;

-- Per article and local day, what readers missed: the texts and the newest one's time. A report
-- picks its articles from these and reads only their newest texts from kb_insight, by the index.
CREATE TABLE kb_missed_days (
  day date NOT NULL,
  article text NOT NULL,
  texts integer NOT NULL,
  newest_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (day, article)
);
INSERT INTO kb_missed_days (day, article, texts, newest_at)
SELECT day, data->>'article', count(*), max((data->>'at') COLLATE "C") FROM kb_insight WHERE type = 'missing' GROUP BY 1, 2;
CREATE INDEX kb_insight_missed ON kb_insight ((data->>'article'), day, ((data->>'at') COLLATE "C"), seq) WHERE type = 'missing';
