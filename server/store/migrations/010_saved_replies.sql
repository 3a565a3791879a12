-- Saved replies support inserts into a reply: per team (or, team NULL, for everyone), kept whole
-- as JSON like every record; few enough to be listed whole, in the order first stored (`seq`).
CREATE TABLE saved_replies (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  team text,
  data json NOT NULL
);
CREATE INDEX saved_replies_order ON saved_replies (seq);
