-- Sites whose pages called the API without being in ALLOWED_ORIGINS, for the console's embedding
-- page: one row per origin (the id), kept whole as JSON like every record ({ origin, count,
-- firstSeen, lastSeen }); at most 100, the store removing the one refused longest ago.
CREATE TABLE refused_origins (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  data json NOT NULL
);
