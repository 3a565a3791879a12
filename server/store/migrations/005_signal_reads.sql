-- Signals read a page of organisations' counters: by organisation and day, so the series and top
-- lists of 50 organisations read their rows only, not every organisation's over twelve weeks.
CREATE INDEX signal_rollups_organisation_day ON signal_rollups (organisation_id, day);
