-- VO/TAP (docs/vo.md): EPN-TAP publishes times as Julian Days and ObsCore as Modified Julian Days. The conversion is
-- a function of its own so that the TAP tables and the indexes below compute it with the same expression: a time
-- range in ADQL (time_min > 2455000.5) is then served by an index instead of converting a million rows.
-- The epoch of a timestamptz does not depend on the session's time zone, hence IMMUTABLE.
CREATE FUNCTION archive.julian_day(t timestamptz) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN date_part('epoch', t) / 86400.0 + 2440587.5;

-- ObsCore's t_min/t_max are Modified Julian Days: a function of their own for the same reason
CREATE FUNCTION archive.modified_julian_day(t timestamptz) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN date_part('epoch', t) / 86400.0 + 40587.0;

-- VESPA's typical query: one instrument, a time range (EPN-TAP in JD, ObsCore in MJD); and a time range alone
CREATE INDEX observation_instrument_jd_idx ON archive.observation (instrument, archive.julian_day(date_obs));
CREATE INDEX observation_instrument_mjd_idx ON archive.observation (instrument, archive.modified_julian_day(date_obs));
CREATE INDEX observation_jd_idx ON archive.observation (archive.julian_day(date_obs));

-- bib_reference looks up the published releases holding each listed file by (kind, item_id): the index for that
-- lookup is V028's, shared with the search results' release column
