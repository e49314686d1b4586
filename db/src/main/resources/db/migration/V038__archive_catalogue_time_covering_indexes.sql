-- Issue 15, catalogue at 20 million rows (docs/scaling.md, "The catalogue at 500 million rows").
--
-- A time-bounded search filters on the overlap of [date_obs, date_end] with its interval, so its bounded count
-- (medoc.catalogue.exact-count-limit) needed date_end from the heap: at 5 M rows "AIA, one month" and "all
-- instruments, one month" spent 60-120 ms p95 visiting one heap page per match. With date_end carried beside access
-- in the two order indexes, those counts are index-only scans too. Same key columns and names as before (V037).
CREATE INDEX observation_instrument_time_cover_idx ON archive.observation (instrument, date_obs, id)
    INCLUDE (access, date_end);
DROP INDEX archive.observation_instrument_time_idx;
ALTER INDEX archive.observation_instrument_time_cover_idx RENAME TO observation_instrument_time_idx;

CREATE INDEX observation_date_obs_cover_idx ON archive.observation (date_obs, id) INCLUDE (access, date_end);
DROP INDEX archive.observation_date_obs_idx;
ALTER INDEX archive.observation_date_obs_cover_idx RENAME TO observation_date_obs_idx;

-- Estimated totals (above the exact-count limit) are the planner's row estimates: finer histograms of the two
-- columns every broad search filters on (default target 100 → 1000 buckets / most-common values).
ALTER TABLE archive.observation ALTER COLUMN date_obs SET STATISTICS 1000;
ALTER TABLE archive.observation ALTER COLUMN instrument SET STATISTICS 1000;
