-- The complaints desk: the console's queue of complaints (open first, earliest due first; resolved
-- ones after, newest first) and who handles each. The order is kept in columns as
-- server/store/complaint-queue.ts computes it, so both stores page it alike.
ALTER TABLE complaints
  ADD COLUMN status text,
  ADD COLUMN assignee_id text,
  ADD COLUMN queue_rank smallint,
  ADD COLUMN queue_due text COLLATE "C",
  ADD COLUMN queue_n bigint;

UPDATE complaints SET
  status = data->>'status',
  assignee_id = data->>'assigneeId',
  queue_rank = CASE WHEN data->>'status' = 'resolved' THEN 1 ELSE 0 END,
  queue_due = CASE WHEN data->>'status' = 'resolved' THEN '' ELSE coalesce(data->>'dueAt', '~') END,
  queue_n = CASE WHEN data->>'status' = 'resolved' THEN -number ELSE number END;

ALTER TABLE complaints
  ALTER COLUMN status SET NOT NULL,
  ALTER COLUMN queue_rank SET NOT NULL,
  ALTER COLUMN queue_due SET NOT NULL,
  ALTER COLUMN queue_n SET NOT NULL;

CREATE INDEX complaints_queue ON complaints (queue_rank, queue_due, queue_n);
CREATE INDEX complaints_assignee ON complaints (assignee_id, queue_rank, queue_due, queue_n);
