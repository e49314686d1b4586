-- Registry of missions, instruments and detectors (ARCHIVE_AND_RELEASES.md §1). Detector strings follow
-- MEDOC's INSTRUMENT/DETECTOR vocabulary; instruments with a single detector carry it under their own name.
CREATE SCHEMA archive;

CREATE TABLE archive.mission (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    description text
);

CREATE TABLE archive.instrument (
    mission_code text NOT NULL REFERENCES archive.mission (code),
    code         text NOT NULL,
    name         text NOT NULL,
    PRIMARY KEY (mission_code, code)
);

CREATE TABLE archive.detector (
    mission_code         text NOT NULL,
    instrument_code      text NOT NULL,
    code                 text NOT NULL,
    -- nominal channels in ångström, when the detector has fixed ones (AIA 171, EIT 195, ...)
    wavelengths_angstrom double precision[],
    PRIMARY KEY (mission_code, instrument_code, code),
    FOREIGN KEY (mission_code, instrument_code) REFERENCES archive.instrument (mission_code, code)
);

-- How header values name an instrument: INSTRUME (or TELESCOP) strings as pipelines write them
-- ('AIA_3', 'HMI_SIDE1', 'SECCHI') matched case-insensitively as a prefix, most specific first.
CREATE TABLE archive.instrument_alias (
    header_keyword  text NOT NULL CHECK (header_keyword IN ('INSTRUME', 'TELESCOP', 'OBSRVTRY')),
    value_prefix    text NOT NULL,
    mission_code    text NOT NULL,
    instrument_code text NOT NULL,
    detector_code   text,
    PRIMARY KEY (header_keyword, value_prefix),
    FOREIGN KEY (mission_code, instrument_code) REFERENCES archive.instrument (mission_code, code)
);

INSERT INTO archive.mission (code, name, description) VALUES
  ('SOHO', 'Solar and Heliospheric Observatory', 'ESA/NASA, launched 1995, at L1'),
  ('STEREO-A', 'STEREO Ahead', 'NASA Solar TErrestrial RElations Observatory, spacecraft A'),
  ('STEREO-B', 'STEREO Behind', 'NASA Solar TErrestrial RElations Observatory, spacecraft B'),
  ('SDO', 'Solar Dynamics Observatory', 'NASA, launched 2010, geosynchronous orbit'),
  ('TRACE', 'Transition Region and Coronal Explorer', 'NASA SMEX, 1998-2010'),
  ('CORONAS-F', 'CORONAS-F', 'Russian solar observatory, 2001-2005'),
  ('PICARD', 'PICARD', 'CNES microsatellite, 2010-2014'),
  ('SOLO', 'Solar Orbiter', 'ESA/NASA, launched 2020'),
  ('IRIS', 'Interface Region Imaging Spectrograph', 'NASA SMEX, launched 2013');

INSERT INTO archive.instrument (mission_code, code, name) VALUES
  ('SOHO', 'EIT', 'Extreme ultraviolet Imaging Telescope'),
  ('SOHO', 'LASCO', 'Large Angle and Spectrometric Coronagraph'),
  ('SOHO', 'MDI', 'Michelson Doppler Imager'),
  ('SOHO', 'SUMER', 'Solar Ultraviolet Measurements of Emitted Radiation'),
  ('SOHO', 'CDS', 'Coronal Diagnostic Spectrometer'),
  ('SOHO', 'UVCS', 'UltraViolet Coronagraph Spectrometer'),
  ('SOHO', 'GOLF', 'Global Oscillations at Low Frequencies'),
  ('SOHO', 'VIRGO', 'Variability of solar IRradiance and Gravity Oscillations'),
  ('SOHO', 'SWAN', 'Solar Wind ANisotropies'),
  ('SOHO', 'CELIAS', 'Charge, ELement and Isotope Analysis System'),
  ('SOHO', 'COSTEP', 'COmprehensive SupraThermal and Energetic Particle analyser'),
  ('SOHO', 'ERNE', 'Energetic and Relativistic Nuclei and Electron experiment'),
  ('STEREO-A', 'SECCHI', 'Sun Earth Connection Coronal and Heliospheric Investigation'),
  ('STEREO-B', 'SECCHI', 'Sun Earth Connection Coronal and Heliospheric Investigation'),
  ('SDO', 'AIA', 'Atmospheric Imaging Assembly'),
  ('SDO', 'HMI', 'Helioseismic and Magnetic Imager'),
  ('TRACE', 'TRACE', 'Transition Region and Coronal Explorer telescope'),
  ('CORONAS-F', 'SPIRIT', 'SPectroheliographIc X-Ray Imaging Telescope'),
  ('PICARD', 'SODISM', 'SOlar Diameter Imager and Surface Mapper'),
  ('PICARD', 'PREMOS', 'PREcision MOnitor Sensor'),
  ('PICARD', 'SOVAP', 'SOlar VAriability Picard'),
  ('SOLO', 'SPICE', 'SPectral Imaging of the Coronal Environment'),
  ('SOLO', 'EUI', 'Extreme Ultraviolet Imager'),
  ('SOLO', 'PHI', 'Polarimetric and Helioseismic Imager'),
  ('SOLO', 'METIS', 'Metis coronagraph'),
  ('SOLO', 'SOLOHI', 'Solar Orbiter Heliospheric Imager'),
  ('SOLO', 'STIX', 'Spectrometer/Telescope for Imaging X-rays'),
  ('IRIS', 'IRIS', 'Interface Region Imaging Spectrograph');

INSERT INTO archive.detector (mission_code, instrument_code, code, wavelengths_angstrom) VALUES
  ('SOHO', 'EIT', 'EIT', '{171,195,284,304}'),
  ('SOHO', 'LASCO', 'C1', NULL), ('SOHO', 'LASCO', 'C2', NULL), ('SOHO', 'LASCO', 'C3', NULL),
  ('SOHO', 'MDI', 'MDI', '{6768}'),
  ('SOHO', 'SUMER', 'A', NULL), ('SOHO', 'SUMER', 'B', NULL), ('SOHO', 'SUMER', 'RSC', NULL),
  ('SOHO', 'CDS', 'NIS', NULL), ('SOHO', 'CDS', 'GIS', NULL),
  ('SOHO', 'UVCS', 'LYA', NULL), ('SOHO', 'UVCS', 'OVI', NULL), ('SOHO', 'UVCS', 'VLD', NULL),
  ('SOHO', 'GOLF', 'GOLF', '{5890,5896}'),
  ('SOHO', 'VIRGO', 'DIARAD', NULL), ('SOHO', 'VIRGO', 'LOI', NULL), ('SOHO', 'VIRGO', 'PMOD', NULL), ('SOHO', 'VIRGO', 'SPM', NULL),
  ('SOHO', 'SWAN', 'SWAN', '{1216}'),
  ('SOHO', 'CELIAS', 'CTOF', NULL), ('SOHO', 'CELIAS', 'DPU', NULL), ('SOHO', 'CELIAS', 'HSTOF', NULL), ('SOHO', 'CELIAS', 'MTOF', NULL),
  ('SOHO', 'CELIAS', 'PM', NULL), ('SOHO', 'CELIAS', 'SEM', NULL), ('SOHO', 'CELIAS', 'STOF', NULL),
  ('SOHO', 'COSTEP', 'EPHIN', NULL), ('SOHO', 'COSTEP', 'LION', NULL),
  ('SOHO', 'ERNE', 'HED', NULL), ('SOHO', 'ERNE', 'LED', NULL),
  ('STEREO-A', 'SECCHI', 'EUVI', '{171,195,284,304}'), ('STEREO-A', 'SECCHI', 'COR1', NULL), ('STEREO-A', 'SECCHI', 'COR2', NULL),
  ('STEREO-A', 'SECCHI', 'HI1', NULL), ('STEREO-A', 'SECCHI', 'HI2', NULL),
  ('STEREO-B', 'SECCHI', 'EUVI', '{171,195,284,304}'), ('STEREO-B', 'SECCHI', 'COR1', NULL), ('STEREO-B', 'SECCHI', 'COR2', NULL),
  ('STEREO-B', 'SECCHI', 'HI1', NULL), ('STEREO-B', 'SECCHI', 'HI2', NULL),
  ('SDO', 'AIA', 'AIA', '{94,131,171,193,211,304,335,1600,1700,4500}'),
  ('SDO', 'HMI', 'HMI', '{6173}'),
  ('TRACE', 'TRACE', 'TRACE', '{171,195,284,1216,1550,1600,1700,5000}'),
  ('CORONAS-F', 'SPIRIT', 'SPIRIT', '{175,304}'),
  ('PICARD', 'SODISM', 'SODISM', '{2150,3930,5355,6070,7822}'),
  ('PICARD', 'PREMOS', 'PREMOS', NULL),
  ('PICARD', 'SOVAP', 'SOVAP', NULL),
  ('SOLO', 'SPICE', 'SW', NULL), ('SOLO', 'SPICE', 'LW', NULL),
  ('SOLO', 'EUI', 'FSI', '{174,304}'), ('SOLO', 'EUI', 'HRI_EUV', '{174}'), ('SOLO', 'EUI', 'HRI_LYA', '{1216}'),
  ('SOLO', 'PHI', 'FDT', '{6173}'), ('SOLO', 'PHI', 'HRT', '{6173}'),
  ('SOLO', 'METIS', 'VLD', NULL), ('SOLO', 'METIS', 'UVD', '{1216}'),
  ('SOLO', 'SOLOHI', 'SOLOHI', NULL),
  ('SOLO', 'STIX', 'STIX', NULL),
  ('IRIS', 'IRIS', 'SJI', '{1330,1400,2796,2832}'), ('IRIS', 'IRIS', 'FUV', NULL), ('IRIS', 'IRIS', 'NUV', NULL);

-- Header spellings seen in real files (sunpy, JSOC, SSW test data) and in the instruments' documentation.
INSERT INTO archive.instrument_alias (header_keyword, value_prefix, mission_code, instrument_code, detector_code) VALUES
  ('OBSRVTRY', 'STEREO_A', 'STEREO-A', 'SECCHI', NULL),
  ('OBSRVTRY', 'STEREO A', 'STEREO-A', 'SECCHI', NULL),
  ('OBSRVTRY', 'STEREO_B', 'STEREO-B', 'SECCHI', NULL),
  ('OBSRVTRY', 'STEREO B', 'STEREO-B', 'SECCHI', NULL),
  ('INSTRUME', 'AIA', 'SDO', 'AIA', 'AIA'),
  ('INSTRUME', 'HMI', 'SDO', 'HMI', 'HMI'),
  ('TELESCOP', 'SDO/AIA', 'SDO', 'AIA', 'AIA'),
  ('TELESCOP', 'SDO/HMI', 'SDO', 'HMI', 'HMI'),
  ('INSTRUME', 'EIT', 'SOHO', 'EIT', 'EIT'),
  ('INSTRUME', 'LASCO', 'SOHO', 'LASCO', NULL),
  ('INSTRUME', 'MDI', 'SOHO', 'MDI', 'MDI'),
  ('INSTRUME', 'SUMER', 'SOHO', 'SUMER', NULL),
  ('INSTRUME', 'CDS', 'SOHO', 'CDS', NULL),
  ('INSTRUME', 'UVCS', 'SOHO', 'UVCS', NULL),
  ('INSTRUME', 'GOLF', 'SOHO', 'GOLF', 'GOLF'),
  ('INSTRUME', 'VIRGO', 'SOHO', 'VIRGO', NULL),
  ('INSTRUME', 'SWAN', 'SOHO', 'SWAN', 'SWAN'),
  ('INSTRUME', 'TRACE', 'TRACE', 'TRACE', 'TRACE'),
  ('TELESCOP', 'TRACE', 'TRACE', 'TRACE', 'TRACE'),
  ('INSTRUME', 'SPIRIT', 'CORONAS-F', 'SPIRIT', 'SPIRIT'),
  ('INSTRUME', 'SODISM', 'PICARD', 'SODISM', 'SODISM'),
  ('INSTRUME', 'PREMOS', 'PICARD', 'PREMOS', 'PREMOS'),
  ('INSTRUME', 'SOVAP', 'PICARD', 'SOVAP', 'SOVAP'),
  ('INSTRUME', 'SPICE', 'SOLO', 'SPICE', NULL),
  ('INSTRUME', 'EUI', 'SOLO', 'EUI', NULL),
  ('INSTRUME', 'PHI', 'SOLO', 'PHI', NULL),
  ('INSTRUME', 'METIS', 'SOLO', 'METIS', NULL),
  ('INSTRUME', 'SOLOHI', 'SOLO', 'SOLOHI', 'SOLOHI'),
  ('INSTRUME', 'STIX', 'SOLO', 'STIX', 'STIX'),
  ('INSTRUME', 'IRIS', 'IRIS', 'IRIS', NULL),
  ('TELESCOP', 'IRIS', 'IRIS', 'IRIS', NULL);
