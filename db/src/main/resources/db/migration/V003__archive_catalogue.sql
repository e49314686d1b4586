-- The catalogue: one row per ingested FITS file, with the header normalised into columns
-- (ARCHIVE_AND_RELEASES.md §2) and the whole header kept as jsonb for keyword search.
CREATE TABLE archive.observation (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mission             text             NOT NULL,
    instrument          text             NOT NULL,
    detector            text,
    wavelength_angstrom double precision,
    date_obs            timestamptz      NOT NULL,
    date_end            timestamptz      NOT NULL CHECK (date_end >= date_obs),
    -- the time strings as the file wrote them, and which keyword placed the observation
    date_obs_fits       text             NOT NULL,
    time_source         text             NOT NULL,
    exposure_seconds    double precision,
    level               text,
    naxis               integer[]        NOT NULL DEFAULT '{}',
    image_width         integer,
    image_height        integer,
    bitpix              integer,
    compressed          boolean          NOT NULL DEFAULT false,
    -- WCS summary of the main data HDU
    ctype1 text, ctype2 text,
    cunit1 text, cunit2 text,
    crpix1 double precision, crpix2 double precision,
    crval1 double precision, crval2 double precision,
    cdelt1 double precision, cdelt2 double precision,
    crota_degrees       double precision,
    -- observer
    dsun_obs_m          double precision,
    hgln_obs_deg        double precision,
    hglt_obs_deg        double precision,
    crln_obs_deg        double precision,
    crlt_obs_deg        double precision,
    rsun_obs_arcsec     double precision,
    -- SPICE planning keys (PLANNING.md); commissioning "MISSING (...)" sentinels are stored as null
    spiobsid            bigint,
    study_id            bigint,
    misostud            bigint,
    study               text,
    soopname            text,
    stp                 integer,
    -- SHARP keys
    harpnum             integer,
    noaa_ars            text,
    -- file
    file_name           text             NOT NULL,
    size_bytes          bigint           NOT NULL CHECK (size_bytes > 0),
    sha256              char(64)         NOT NULL UNIQUE,
    storage_key         text             NOT NULL,
    quicklook_key       text,
    checksum_status     text             NOT NULL,
    access              text             NOT NULL DEFAULT 'PUBLIC' CHECK (access IN ('PUBLIC', 'RESTRICTED', 'EMBARGOED')),
    header              jsonb            NOT NULL,
    hdus                jsonb            NOT NULL,
    ingested_at         timestamptz      NOT NULL DEFAULT now(),
    ingest_source       text
);

CREATE INDEX observation_date_obs_idx ON archive.observation (date_obs, id);
-- time searches select by interval overlap; a GiST index on the observation's range answers them without scanning
-- every observation that started before the end of the interval
CREATE INDEX observation_time_range_idx ON archive.observation USING gist (tstzrange(date_obs, date_end, '[]'));
-- the longest observation bounds how early an overlapping one can start, which turns the overlap into a date_obs
-- range the btree index serves in date order (max() over this index is a single probe)
CREATE INDEX observation_span_idx ON archive.observation ((extract(epoch FROM date_end - date_obs)));
CREATE INDEX observation_instrument_time_idx ON archive.observation (instrument, date_obs, id);
CREATE INDEX observation_wavelength_idx ON archive.observation (wavelength_angstrom, date_obs);
CREATE INDEX observation_header_idx ON archive.observation USING gin (header jsonb_path_ops);
CREATE INDEX observation_spiobsid_idx ON archive.observation (spiobsid) WHERE spiobsid IS NOT NULL;
CREATE INDEX observation_harpnum_idx ON archive.observation (harpnum) WHERE harpnum IS NOT NULL;

-- Files that could not be catalogued, with the reason. The bytes are kept (under the quarantine key)
-- so that an archivist can inspect them; nothing here is public.
CREATE TABLE archive.quarantine (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name      text        NOT NULL,
    size_bytes     bigint      NOT NULL,
    sha256         char(64)    NOT NULL UNIQUE,
    reason         text        NOT NULL,
    storage_key    text,
    quarantined_at timestamptz NOT NULL DEFAULT now(),
    ingest_source  text
);
