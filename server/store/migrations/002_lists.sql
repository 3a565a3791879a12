-- Lists that hold at a desk's size: the columns and indexes behind pages (keyset, newest first, and
-- the queue's order) and full-text search over incidents in Dutch and English.

-- What lists filter and order by, beside the columns of 001.
ALTER TABLE incidents
  ADD COLUMN kind text,
  ADD COLUMN product_area text,
  ADD COLUMN priority smallint,
  ADD COLUMN registered_at text COLLATE "C",
  -- The target's due time as of the last change ('~' for none: after every instant, so none sorts last).
  ADD COLUMN queue_due text COLLATE "C" NOT NULL DEFAULT '~',
  ADD COLUMN queue_new smallint GENERATED ALWAYS AS (CASE WHEN status = 'new' THEN 0 ELSE 1 END) STORED,
  -- Subject, description, requester's and organisation's names, public messages: what anyone who sees the incident may find it by.
  ADD COLUMN search_text text NOT NULL DEFAULT '',
  -- Internal notes and logged calls: what only staff find it by.
  ADD COLUMN internal_text text NOT NULL DEFAULT '';

UPDATE incidents SET
  kind = data->>'kind',
  product_area = data->>'productArea',
  priority = (data->>'priority')::smallint,
  registered_at = data->>'registeredAt',
  queue_due = coalesce(data->>'queueDueAt', '~'),
  search_text = concat_ws(E'\n', data->>'subject', data->>'description',
    (SELECT c.data->>'name' FROM contacts c WHERE c.id = incidents.contact_id),
    (SELECT o.data->>'name' FROM organisations o WHERE o.id = incidents.organisation_id),
    (SELECT string_agg(m.data->>'text', E'\n' ORDER BY m.at, m.seq) FROM messages m WHERE m.incident_id = incidents.id AND m.data->>'visibility' = 'public')),
  internal_text = coalesce((SELECT string_agg(m.data->>'text', E'\n' ORDER BY m.at, m.seq) FROM messages m WHERE m.incident_id = incidents.id AND m.data->>'visibility' <> 'public'), '');

ALTER TABLE incidents
  ALTER COLUMN kind SET NOT NULL,
  ALTER COLUMN product_area SET NOT NULL,
  ALTER COLUMN registered_at SET NOT NULL,
  ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('dutch', search_text) || to_tsvector('english', search_text)) STORED,
  ADD COLUMN internal_search tsvector GENERATED ALWAYS AS (to_tsvector('dutch', internal_text) || to_tsvector('english', internal_text)) STORED;

CREATE INDEX incidents_search ON incidents USING gin (search);
CREATE INDEX incidents_internal_search ON incidents USING gin (internal_search);

-- Newest first within each filter (number descending); the unique index on number serves staff's whole list.
DROP INDEX incidents_organisation;
DROP INDEX incidents_contact;
DROP INDEX incidents_team;
DROP INDEX incidents_assignee;
DROP INDEX incidents_status;
CREATE INDEX incidents_organisation ON incidents (organisation_id, number);
CREATE INDEX incidents_organisation_status ON incidents (organisation_id, status, number);
CREATE INDEX incidents_contact ON incidents (contact_id, number);
CREATE INDEX incidents_team ON incidents (team, number);
CREATE INDEX incidents_assignee ON incidents (assignee_id, number);
CREATE INDEX incidents_status ON incidents (status, number);
CREATE INDEX incidents_kind ON incidents (kind, number);

-- The queue's order (new first, due time, registration, number) over the open incidents.
CREATE INDEX incidents_queue_open ON incidents (queue_new, queue_due, registered_at, number)
  WHERE status IN ('new', 'in_progress', 'waiting_for_customer');
CREATE INDEX incidents_queue ON incidents (queue_new, queue_due, registered_at, number);

-- Complaints newest first per organisation and requester; consents newest first (created, then stored order).
DROP INDEX complaints_organisation;
DROP INDEX complaints_contact;
CREATE INDEX complaints_organisation ON complaints (organisation_id, number);
CREATE INDEX complaints_contact ON complaints (contact_id, number);
DROP INDEX consents_organisation;
CREATE INDEX consents_organisation ON consents (organisation_id, created_at, seq);
CREATE INDEX consents_kind ON consents (kind, created_at, seq);
CREATE INDEX consents_created ON consents (created_at, seq);
