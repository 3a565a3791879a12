-- Phone intake and exceptional busyness.
--
-- The desk notice an admin sets for exceptional busyness: at most one row (id 'current'), kept
-- whole as JSON like every record; it stops showing at its end by itself, so nothing sweeps it.
CREATE TABLE desk_notices (
  id text PRIMARY KEY,
  seq bigserial NOT NULL,
  data json NOT NULL
);

-- A phone number as digits, +31 and 0031 written as a leading 0 (domain/caller.ts's phoneDigits):
-- a caller is found by any way of writing their number.
CREATE FUNCTION phone_digits(phone text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(regexp_replace(regexp_replace(replace(coalesce(phone, ''), '(0)', ''), '[^0-9+]', '', 'g'), '^(\+|00)31', '0'), '[^0-9]', '', 'g')
$$;
