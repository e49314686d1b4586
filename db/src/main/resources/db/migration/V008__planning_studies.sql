-- SPICE study generator (PLANNING.md §2-§4, §3.5): instrument configuration as editable reference data, the line
-- list, versioned studies with their spectral windows, and study sets with on-board slot allocation.
-- Every editable row carries lock_version for optimistic locking: an UPDATE names the version it read and fails
-- (zero rows) when another planner saved first.
CREATE SCHEMA planning;

-- Instrument configuration --------------------------------------------------------------------------------------

-- The two SPICE detectors (PLANNING.md §2). Dispersion indices: SW windows in 1-1024, LW in 1025-2048 (PXBEG3).
CREATE TABLE planning.detector (
    code                  text PRIMARY KEY CHECK (code IN ('SW', 'LW')),
    name                  text NOT NULL,
    rows_px               integer NOT NULL CHECK (rows_px > 0),
    columns_px            integer NOT NULL CHECK (columns_px > 0),
    -- nominal band, and the wider test bounds sospice uses to assign a wavelength to a detector
    band_min_nm           numeric(8, 3) NOT NULL,
    band_max_nm           numeric(8, 3) NOT NULL,
    band_test_min_nm      numeric(8, 3) NOT NULL,
    band_test_max_nm      numeric(8, 3) NOT NULL,
    dispersion_index_from integer NOT NULL,
    dispersion_index_to   integer NOT NULL,
    -- linear dispersion assumed across the test band: lambda(px) = band_test_min + (px - index_from) * nm_per_pixel
    -- (our approximation; real headers give CDELT3 = 0.00975 nm for SW)
    nm_per_pixel          numeric(10, 6) NOT NULL CHECK (nm_per_pixel > 0),
    lock_version          integer NOT NULL DEFAULT 0,
    CHECK (band_min_nm < band_max_nm AND band_test_min_nm <= band_min_nm AND band_test_max_nm >= band_max_nm),
    CHECK (dispersion_index_from < dispersion_index_to)
);

-- Slits 2", 4", 6" (narrow, with dumbbells) and 30" (wide). SLIT_ID mapping is only known for 4" (= 2).
CREATE TABLE planning.slit (
    width_arcsec  numeric(6, 2) PRIMARY KEY CHECK (width_arcsec > 0),
    slit_id       smallint CHECK (slit_id BETWEEN 0 AND 3),
    length_arcsec numeric(8, 2) NOT NULL,
    narrow        boolean NOT NULL,
    lock_version  integer NOT NULL DEFAULT 0
);

-- Limits and overheads whose true values IAS has not published: reference data an ADMIN edits.
CREATE TABLE planning.instrument_parameter (
    name         text PRIMARY KEY,
    value        numeric NOT NULL,
    unit         text NOT NULL,
    description  text NOT NULL,
    lock_version integer NOT NULL DEFAULT 0
);

-- Allowed NBIN2/NBIN3 values (the real set is not published).
CREATE TABLE planning.binning_factor (
    factor smallint PRIMARY KEY CHECK (factor >= 1)
);

-- Expected compression ratio per (COMPTYPE, COMPPARA); 2/26 -> 9.85 is read from a real header.
CREATE TABLE planning.compression_ratio (
    compression_type  smallint NOT NULL CHECK (compression_type BETWEEN 0 AND 7),
    compression_param smallint NOT NULL CHECK (compression_param BETWEEN 0 AND 255),
    ratio             numeric(8, 3) NOT NULL CHECK (ratio >= 1),
    label             text NOT NULL,
    lock_version      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (compression_type, compression_param)
);

-- Line list (after solo-spice-ql utils/spice_line_list.pro, Fludra et al. 2021) ---------------------------------
CREATE TABLE planning.spectral_line (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ion               text NOT NULL,
    wavelength_nm     numeric(8, 3) NOT NULL,
    detector          text NOT NULL REFERENCES planning.detector (code),
    diffraction_order smallint NOT NULL DEFAULT 1,
    source            text NOT NULL,
    UNIQUE (ion, wavelength_nm)
);

-- Studies --------------------------------------------------------------------------------------------------------

-- Ground study IDs (MISOSTUD) handed out at approval; real ones seen are 1785-2112, ours start above them.
CREATE SEQUENCE planning.miso_study_id START WITH 3001;

CREATE TABLE planning.study (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- all revisions of one study share a lineage (the id of the first revision)
    lineage_id               bigint NOT NULL,
    revision                 integer NOT NULL CHECK (revision >= 1),
    parent_study_id          bigint REFERENCES planning.study (id),
    miso_id                  integer UNIQUE CHECK (miso_id > 0),
    name                     text NOT NULL,
    obs_type_code            char(4),
    category                 text NOT NULL CHECK (category IN ('FULL_SPECTRUM', 'COMPOSITION', 'DYNAMICS', 'SYNOPTIC',
                                 'CME_WATCH', 'WAVES', 'DARK', 'ENGINEERING', 'OTHER')),
    study_type               text NOT NULL CHECK (study_type IN ('RASTER', 'SIT_AND_STARE', 'SINGLE_EXPOSURE')),
    purpose                  text NOT NULL CHECK (purpose IN ('SCIENCE', 'CALIBRATION', 'CHECKOUT')),
    sub_purpose              text,
    slit_width_arcsec        numeric(6, 2) NOT NULL,
    positions                integer NOT NULL,
    step_arcsec              numeric(8, 3) NOT NULL,
    x_offset_arcsec          numeric(8, 2) NOT NULL DEFAULT 0,
    y_fov_mode               text NOT NULL CHECK (y_fov_mode IN ('FULL_DETECTOR', 'FULL_FIELD', 'CUSTOM')),
    y_start_px               integer NOT NULL,
    y_height_px              integer NOT NULL,
    exposure_s               numeric(8, 3) NOT NULL,
    exposures_per_position   integer NOT NULL,
    default_rasters          integer NOT NULL,
    read_mode                text NOT NULL CHECK (read_mode IN ('DESTRUCTIVE', 'NON_DESTRUCTIVE')),
    double_exposure          boolean NOT NULL DEFAULT false,
    double_exposure_no       integer NOT NULL DEFAULT 0,
    onboard_dark_subtraction boolean NOT NULL DEFAULT false,
    onboard_bias_subtraction boolean NOT NULL DEFAULT false,
    trigger_event            text,
    sr_label                 text,
    description              text,
    author                   text,
    status                   text NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'RETIRED')),
    approved_at              timestamptz,
    approved_by              text,
    created_at               timestamptz NOT NULL DEFAULT now(),
    created_by               text NOT NULL,
    updated_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               text NOT NULL,
    lock_version             integer NOT NULL DEFAULT 0,
    UNIQUE (lineage_id, revision),
    -- an approved study's ground ID reaches FITS headers (MISOSTUD): approval without one is impossible
    CHECK (status NOT IN ('APPROVED', 'RETIRED') OR approved_at IS NULL OR miso_id IS NOT NULL)
);
CREATE INDEX study_name_idx ON planning.study (lower(name));

-- A study's spectral windows in read-out order: position = WINNO (0-based).
CREATE TABLE planning.study_window (
    study_id          bigint NOT NULL REFERENCES planning.study (id) ON DELETE CASCADE,
    position          smallint NOT NULL CHECK (position >= 0),
    miso_window_id    integer,
    name              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('PROFILE', 'INTENSITY', 'DUMBBELL_LOWER', 'DUMBBELL_UPPER', 'FULL_SPECTRUM')),
    detector          text NOT NULL REFERENCES planning.detector (code),
    line_id           bigint REFERENCES planning.spectral_line (id),
    lambda_px_start   integer NOT NULL,
    lambda_px_end     integer NOT NULL,
    y_start_px        integer NOT NULL,
    y_end_px          integer NOT NULL,
    bin_y             smallint NOT NULL DEFAULT 1,
    bin_lambda        smallint NOT NULL DEFAULT 1,
    compression_type  smallint NOT NULL DEFAULT 2,
    compression_param smallint NOT NULL DEFAULT 26,
    PRIMARY KEY (study_id, position)
);

-- Study sets -----------------------------------------------------------------------------------------------------

CREATE TABLE planning.study_set (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name          text NOT NULL,
    set_version        integer NOT NULL UNIQUE CHECK (set_version >= 1),
    status             text NOT NULL CHECK (status IN ('DRAFT', 'UPLOADED', 'ACTIVE', 'SUPERSEDED')),
    effective_from_stp integer,
    uploaded_at        timestamptz,
    notes              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text NOT NULL,
    lock_version       integer NOT NULL DEFAULT 0
);

-- On-board study slots: STUDY_ID 0-63, unique per set (rule B1).
CREATE TABLE planning.study_set_entry (
    study_set_id bigint NOT NULL REFERENCES planning.study_set (id) ON DELETE CASCADE,
    study_id     bigint NOT NULL REFERENCES planning.study (id),
    onboard_slot smallint NOT NULL CHECK (onboard_slot BETWEEN 0 AND 63),
    PRIMARY KEY (study_set_id, study_id),
    UNIQUE (study_set_id, onboard_slot)
);

-- On-board window table: WINTABID 0-255 (rule B2). Identical windows of several studies share one entry.
CREATE TABLE planning.window_slot_entry (
    study_set_id    bigint NOT NULL REFERENCES planning.study_set (id) ON DELETE CASCADE,
    study_id        bigint NOT NULL,
    window_position smallint NOT NULL,
    wintabid        smallint NOT NULL CHECK (wintabid BETWEEN 0 AND 255),
    PRIMARY KEY (study_set_id, study_id, window_position),
    FOREIGN KEY (study_id, window_position) REFERENCES planning.study_window (study_id, position)
);

-- Reference values -----------------------------------------------------------------------------------------------

INSERT INTO planning.detector (code, name, rows_px, columns_px, band_min_nm, band_max_nm, band_test_min_nm,
                               band_test_max_nm, dispersion_index_from, dispersion_index_to, nm_per_pixel) VALUES
  ('SW', 'Short-wavelength detector', 1024, 1024, 70.4, 79.0, 70.0, 79.3, 1, 1024, 0.009082),
  ('LW', 'Long-wavelength detector', 1024, 1024, 97.3, 104.9, 96.8, 105.5, 1025, 2048, 0.008496);

INSERT INTO planning.slit (width_arcsec, slit_id, length_arcsec, narrow) VALUES
  (2, NULL, 660, true),
  (4, 2, 660, true),
  (6, NULL, 660, true),
  (30, NULL, 840, false);

-- Values marked "assumed" are our working assumptions (PLANNING.md §4, §10), to be replaced by IAS figures.
INSERT INTO planning.instrument_parameter (name, value, unit, description) VALUES
  ('max_raster_width_arcsec', 960, 'arcsec', 'Largest raster width (N-1)*step + slit (rule S2); assumed 16 arcmin'),
  ('min_exposure_s', 0.1, 's', 'Shortest exposure (rule S11); assumed'),
  ('max_exposure_s', 600, 's', 'Longest exposure (rule S11); assumed'),
  ('step_overhead_s', 0, 's', 'Overhead per exposure (t_step); not published, 0 until IAS supplies it'),
  ('setup_overhead_s', 0, 's', 'Overhead per observation (t_setup: slit change, mirror slew); not published'),
  ('double_exposure_factor', 1, '', 'Duration factor for double exposures; not published, assumed 1'),
  ('bits_per_pixel', 16, 'bit', 'Raw bits per pixel; assumed 16'),
  ('header_overhead_bits', 0, 'bit', 'Telemetry overhead per exposure and window; not published'),
  ('max_windows_warning', 15, '', 'Profiles + intensities above this count warn (rule S10; SAP composition cap)'),
  ('max_windows_error', 32, '', 'Profiles + intensities above this count are an error (rule S10); assumed'),
  ('full_field_start_px', 97, 'px', 'First row of the "full field" Y FOV (FF, about 830 rows); assumed'),
  ('full_field_height_px', 830, 'px', 'Rows of the "full field" Y FOV; assumed'),
  ('low_rate_max_bps', 5000, 'bit/s', 'Highest rate of a low-rate (synoptic) study outside RSWs (rule T4); assumed'),
  ('budget_warning_fraction', 0.9, '', 'Fraction of the telemetry allocation above which the budget warns (rule T5)');

INSERT INTO planning.binning_factor (factor) VALUES (1), (2), (4), (8);

INSERT INTO planning.compression_ratio (compression_type, compression_param, ratio, label) VALUES
  (0, 0, 1, 'Focal Uncompressed'),
  (2, 26, 9.85, 'Focal Lossy (JPEG), from a real L2 header');

INSERT INTO planning.spectral_line (ion, wavelength_nm, detector, source) VALUES
  ('O III', 70.38, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('Mg IX', 70.60, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('O V', 76.04, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('N IV', 76.51, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('Ne VIII', 77.04, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('Ne VIII', 78.03, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('S V', 78.65, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('O IV', 78.77, 'SW', 'solo-spice-ql spice_line_list.pro'),
  ('H Ly gamma', 97.25, 'LW', 'solo-spice-ql spice_line_list.pro'),
  ('C III', 97.70, 'LW', 'solo-spice-ql spice_line_list.pro'),
  ('H Ly beta', 102.57, 'LW', 'solo-spice-ql spice_line_list.pro'),
  ('O VI', 103.19, 'LW', 'solo-spice-ql spice_line_list.pro'),
  ('O VI', 103.76, 'LW', 'solo-spice-ql spice_line_list.pro');
