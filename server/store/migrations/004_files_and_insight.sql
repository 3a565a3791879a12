-- Attachments' contents and KB insight in the database, so an API process keeps nothing on its own
-- disk that another one needs.

-- An attachment's bytes, in chunks of 256 KB. Each write has a version of its own; `attachment_files`
-- names the version whose chunks are all in, so a reader finds whole contents or none.
CREATE TABLE attachment_files (
  stored_as text PRIMARY KEY,
  version text NOT NULL,
  size bigint NOT NULL,
  chunks integer NOT NULL
);

CREATE TABLE attachment_chunks (
  stored_as text NOT NULL,
  version text NOT NULL,
  n integer NOT NULL,
  data bytea NOT NULL,
  -- Chunks of a write no file names, older than an hour, are a process's that died mid-upload: swept.
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stored_as, version, n)
);
-- Chunks are read and written as they are: compressing photos, PDFs and zips gains nothing.
ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- The KB insight log: every record as it was written (`id`: random, or `log:<line>` when moved from
-- a data folder's kb-insight.jsonl, so moving twice adds nothing). `day`: the record's local day in
-- the desk's time zone, as the counters below.
CREATE TABLE kb_insight (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  type text NOT NULL,
  day date NOT NULL,
  data json NOT NULL
);
CREATE INDEX kb_insight_type_day ON kb_insight (type, day, seq);

-- Counters kept up to date with every record, in the same statement; the report reads its period's days.
-- Per query and day, the visits whose search found nothing ('no_results') or that sent an incident
-- after it ('incident'), each with its latest record: distinct visits add up over days.
CREATE TABLE kb_query_days (
  day date NOT NULL,
  kind text NOT NULL,
  lang text NOT NULL,
  query text NOT NULL,
  session text NOT NULL,
  last_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (day, kind, lang, query, session)
);
CREATE INDEX kb_query_days_query ON kb_query_days (kind, lang, query, day);

-- Per article, language and day: the votes.
CREATE TABLE kb_vote_days (
  day date NOT NULL,
  article text NOT NULL,
  lang text NOT NULL,
  helpful integer NOT NULL,
  not_helpful integer NOT NULL,
  PRIMARY KEY (day, article, lang)
);

-- Per day, the visits that searched: deflection counts a visit in the week of its first search.
CREATE TABLE kb_search_days (
  day date NOT NULL,
  session text NOT NULL,
  PRIMARY KEY (day, session)
);
CREATE INDEX kb_search_days_session ON kb_search_days (session, day);

-- Per visit: its last search (normalised), which an incident without a query of its own is counted
-- under, and whether it sent an incident.
CREATE TABLE kb_visits (
  session text PRIMARY KEY,
  last_query text,
  has_incident boolean NOT NULL DEFAULT false
);
