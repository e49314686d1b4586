-- Issue 15, catalogue at scale (docs/scaling.md, "The catalogue at 500 million rows").
--
-- A search's total is a count bounded by medoc.catalogue.exact-count-limit (100,001 rows at most). Every search
-- filters on the visibility rule (access), which no index held, so that count had to visit the heap: at 5 M rows the
-- count of "AIA, everything" was a sequential scan reading 335 MB (466 ms p95). With access carried in the two order
-- indexes the same count is an index-only scan (measured at 1 M rows: 32 ms instead of 270-500 ms, no heap fetch).
-- The new indexes replace the old ones under the same names (same key columns, so the same plans for the pages).
CREATE INDEX observation_instrument_time_access_idx ON archive.observation (instrument, date_obs, id) INCLUDE (access);
DROP INDEX archive.observation_instrument_time_idx;
ALTER INDEX archive.observation_instrument_time_access_idx RENAME TO observation_instrument_time_idx;

CREATE INDEX observation_date_obs_access_idx ON archive.observation (date_obs, id) INCLUDE (access);
DROP INDEX archive.observation_date_obs_idx;
ALTER INDEX archive.observation_date_obs_access_idx RENAME TO observation_date_obs_idx;

-- The catalogue only grows. By default autovacuum runs after inserts of 20 % of the table (every 100 M rows at
-- 500 M): index-only counts need the visibility map, and the estimated totals need statistics, that follow ingest.
ALTER TABLE archive.observation SET (autovacuum_vacuum_insert_scale_factor = 0.01,
                                     autovacuum_analyze_scale_factor = 0.01);
