-- Staff notifications: each staff member's inbox (assigned, a customer's reaction, a target near,
-- a complaint for their team), and the queue's mark on incidents with a reaction nobody opened yet.

CREATE TABLE notifications (
  id text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  -- The event, once per staff member: a second notification of it is not stored.
  key text NOT NULL UNIQUE,
  staff_id text NOT NULL,
  at text COLLATE "C" NOT NULL,
  is_read boolean NOT NULL,
  data json NOT NULL
);
-- The inbox, newest first, and its unread count.
CREATE INDEX notifications_inbox ON notifications (staff_id, at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (staff_id) WHERE NOT is_read;

-- One row per incident with a customer reaction no staff member has opened since (`id`: the incident's).
CREATE TABLE unread_reactions (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  data json NOT NULL
);
