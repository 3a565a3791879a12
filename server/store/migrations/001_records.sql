-- Loket's records in PostgreSQL. Each record is kept whole as JSON (`data`, byte for byte as the
-- API wrote it); the columns beside it are what the Store looks records up, filters and orders by.
-- `seq` keeps the order records were first stored in, which lists follow.

CREATE TABLE organisations (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  data json NOT NULL
);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  organisation_id text NOT NULL,
  email text NOT NULL,
  data json NOT NULL
);
CREATE INDEX contacts_organisation ON contacts (organisation_id, seq);
CREATE INDEX contacts_email ON contacts (email);

CREATE TABLE staff (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  email text NOT NULL,
  data json NOT NULL
);
CREATE INDEX staff_email ON staff (email);

-- Incident numbers: six digits from 100001, unique and increasing across every API process.
CREATE SEQUENCE incident_number START 100001;
CREATE TABLE incidents (
  id text PRIMARY KEY,
  number bigint NOT NULL UNIQUE,
  organisation_id text NOT NULL,
  contact_id text NOT NULL,
  team text,
  assignee_id text,
  status text NOT NULL,
  version integer NOT NULL,
  data json NOT NULL
);
CREATE INDEX incidents_organisation ON incidents (organisation_id);
CREATE INDEX incidents_contact ON incidents (contact_id);
CREATE INDEX incidents_team ON incidents (team);
CREATE INDEX incidents_assignee ON incidents (assignee_id);
CREATE INDEX incidents_status ON incidents (status);

CREATE TABLE messages (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  incident_id text NOT NULL,
  at text COLLATE "C" NOT NULL,
  data json NOT NULL
);
CREATE INDEX messages_incident ON messages (incident_id, at, seq);

CREATE TABLE attachments (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  incident_id text NOT NULL,
  at text COLLATE "C" NOT NULL,
  data json NOT NULL
);
CREATE INDEX attachments_incident ON attachments (incident_id, at, seq);

-- Complaint numbers: "K" and five digits from K10001.
CREATE SEQUENCE complaint_number START 10001;
CREATE TABLE complaints (
  id text PRIMARY KEY,
  number bigint NOT NULL UNIQUE,
  organisation_id text NOT NULL,
  contact_id text NOT NULL,
  version integer NOT NULL,
  data json NOT NULL
);
CREATE INDEX complaints_organisation ON complaints (organisation_id);
CREATE INDEX complaints_contact ON complaints (contact_id);

CREATE TABLE follow_ups (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  organisation_id text NOT NULL,
  at text COLLATE "C" NOT NULL,
  data json NOT NULL
);
CREATE INDEX follow_ups_organisation ON follow_ups (organisation_id, at);

CREATE TABLE consents (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  kind text NOT NULL,
  organisation_id text NOT NULL,
  incident_id text,
  created_at text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  data json NOT NULL
);
CREATE INDEX consents_organisation ON consents (organisation_id);
CREATE INDEX consents_incident ON consents (incident_id);

-- Single-use tokens: taking one deletes it, so two processes never both get it.
CREATE TABLE registrations (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  data json NOT NULL
);

CREATE TABLE sign_in_tokens (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  data json NOT NULL
);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  subject_kind text NOT NULL,
  subject_id text NOT NULL,
  data json NOT NULL
);
CREATE INDEX sessions_subject ON sessions (subject_kind, subject_id);

-- The mail outbox: one mail per event; a process claims due mails with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  event_key text NOT NULL UNIQUE,
  status text NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  data json NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, seq) WHERE status = 'pending';

CREATE TABLE audit (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  target text NOT NULL,
  data json NOT NULL
);
CREATE INDEX audit_target ON audit (target, seq);

-- Rate limits shared by every API process: one fixed window per key.
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  started_at_ms bigint NOT NULL,
  count integer NOT NULL
);
CREATE INDEX rate_counters_started ON rate_counters (started_at_ms);
