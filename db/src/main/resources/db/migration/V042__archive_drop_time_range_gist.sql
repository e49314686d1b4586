-- The GiST index over tstzrange(date_obs, date_end) (V003) is no longer used: catalogue searches write the overlap
-- of an observation with their interval as `date_obs <= to AND date_end >= from` (plus a lower bound on date_obs from
-- the longest duration), which the planner estimates from the columns' statistics and answers in order from the
-- B-tree indexes of V038; nothing else queries the range. Measured at 20 M rows (docs/scaling.md): 77 MiB per million
-- rows (≈ 38 GiB at 500 M), a 31-minute build (range types have no sorted GiST build, every entry is inserted), and a
-- GiST insertion on every ingested row.
DROP INDEX IF EXISTS archive.observation_time_range_idx;
