package org.medoc.archive.vo;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.conf.ParamType;
import org.medoc.archive.access.Visibility;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.medoc.archive.vo.TapColumn.std;
import static org.medoc.archive.vo.TapType.DOUBLE;
import static org.medoc.archive.vo.TapType.INT;
import static org.medoc.archive.vo.TapType.LONG;
import static org.medoc.archive.vo.TapType.STRING;
import static org.medoc.archive.vo.TapType.TIMESTAMP;

/**
 * The tables the TAP service publishes, exactly those TAP_SCHEMA lists: {@code ivoa.obscore}, {@code medoc.epn_core}
 * and TAP_SCHEMA's own five tables. Each table is a SELECT over the "granules": the public observations of the
 * catalogue (the one visibility rule, for an anonymous reader) and the rows of every {@link VoGranuleSource}, with
 * the release DOIs of {@link VoBibReferenceSource}.
 */
@Component
public class PublishedTables {

    static final String TAP_SCHEMA = "TAP_SCHEMA";
    static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;

    private final DSLContext dsl;
    private final List<VoGranuleSource> granuleSources;
    private final List<VoBibReferenceSource> bibReferenceSources;
    private final VoSettings settings;

    public PublishedTables(DSLContext dsl, List<VoGranuleSource> granuleSources,
                           List<VoBibReferenceSource> bibReferenceSources, VoSettings settings) {
        this.dsl = dsl;
        this.granuleSources = List.copyOf(granuleSources);
        this.bibReferenceSources = List.copyOf(bibReferenceSources);
        this.settings = settings;
    }

    /**
     * Every published table, its access URLs made absolute with {@code baseUrl} (the application root as the client
     * reached it, without a trailing slash).
     */
    public List<TapTable> tables(String baseUrl) {
        List<TapTable> data = List.of(obscore(baseUrl), epnCore(baseUrl));
        List<TapTable> all = new ArrayList<>(data);
        all.addAll(TapSchemaTables.tables(data));
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------
    // ivoa.obscore

    static final List<TapColumn> OBSCORE_COLUMNS = List.of(
            std("dataproduct_type", STRING, null, "meta.code.class", "Data product type: image, cube, timeseries").withUtype("obscore:ObsDataset.dataProductType"),
            std("calib_level", INT, null, "meta.code;obs.calib", "Calibration level: 0 raw, 1 instrumental, 2 calibrated, 3 derived").withUtype("obscore:ObsDataset.calibLevel"),
            std("obs_collection", STRING, null, "meta.id", "Mission and instrument, e.g. SDO/AIA").withUtype("obscore:DataID.Collection"),
            std("obs_id", STRING, null, "meta.id", "Identifier grouping the products of one observation").withUtype("obscore:DataID.observationID"),
            std("obs_publisher_did", STRING, null, "meta.ref.ivoid", "IVOA identifier of the data set").withUtype("obscore:Curation.PublisherDID"),
            std("access_url", STRING, null, "meta.ref.url", "Download URL of the file").withUtype("obscore:Access.Reference"),
            std("access_format", STRING, null, "meta.code.mime", "MIME type of the file").withUtype("obscore:Access.Format"),
            std("access_estsize", LONG, "kbyte", "phys.size;meta.file", "Size of the file").withUtype("obscore:Access.Size"),
            std("target_name", STRING, null, "meta.id;src", "Observed target").withUtype("obscore:Target.Name"),
            std("s_ra", DOUBLE, "deg", "pos.eq.ra", "Right ascension of the field centre (not computed for heliographic data)").withUtype("obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1"),
            std("s_dec", DOUBLE, "deg", "pos.eq.dec", "Declination of the field centre (not computed for heliographic data)").withUtype("obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C2"),
            std("s_fov", DOUBLE, "deg", "phys.angSize;instr.fov", "Diameter of the field of view").withUtype("obscore:Char.SpatialAxis.Coverage.Bounds.Extent.diameter"),
            std("s_region", STRING, null, "pos.outline;obs.field", "Footprint on the sky (not computed for heliographic data)").withUtype("obscore:Char.SpatialAxis.Coverage.Support.Area"),
            std("s_resolution", DOUBLE, "arcsec", "pos.angResolution", "Pixel scale").withUtype("obscore:Char.SpatialAxis.Resolution.Refval.value"),
            std("s_xel1", LONG, null, "meta.number", "Pixels along the first axis").withUtype("obscore:Char.SpatialAxis.numBins1"),
            std("s_xel2", LONG, null, "meta.number", "Pixels along the second axis").withUtype("obscore:Char.SpatialAxis.numBins2"),
            std("em_xel", LONG, null, "meta.number", "Samples along the spectral axis").withUtype("obscore:Char.SpectralAxis.numBins"),
            std("em_min", DOUBLE, "m", "em.wl;stat.min", "Shortest wavelength").withUtype("obscore:Char.SpectralAxis.Coverage.Bounds.Limits.LoLimit"),
            std("em_max", DOUBLE, "m", "em.wl;stat.max", "Longest wavelength").withUtype("obscore:Char.SpectralAxis.Coverage.Bounds.Limits.HiLimit"),
            std("em_res_power", DOUBLE, null, "spect.resolution", "Spectral resolving power").withUtype("obscore:Char.SpectralAxis.Resolution.ResolPower.refVal"),
            std("t_xel", LONG, null, "meta.number", "Samples along the time axis").withUtype("obscore:Char.TimeAxis.numBins"),
            std("t_min", DOUBLE, "d", "time.start;obs.exposure", "Start time, MJD (UTC)").withUtype("obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime").asIndexed(),
            std("t_max", DOUBLE, "d", "time.end;obs.exposure", "End time, MJD (UTC)").withUtype("obscore:Char.TimeAxis.Coverage.Bounds.Limits.StopTime"),
            std("t_exptime", DOUBLE, "s", "time.duration;obs.exposure", "Exposure time").withUtype("obscore:Char.TimeAxis.Coverage.Support.Extent"),
            std("t_resolution", DOUBLE, "s", "time.resolution", "Time resolution").withUtype("obscore:Char.TimeAxis.Resolution.Refval.value"),
            std("o_ucd", STRING, null, "meta.ucd", "UCD of the observable").withUtype("obscore:Char.ObservableAxis.ucd"),
            std("pol_states", STRING, null, "meta.code;phys.polarization", "Polarisation states").withUtype("obscore:Char.PolarizationAxis.stateList"),
            std("pol_xel", LONG, null, "meta.number", "Polarisation samples").withUtype("obscore:Char.PolarizationAxis.numBins"),
            std("facility_name", STRING, null, "meta.id;instr.tel", "Observatory (mission)").withUtype("obscore:Provenance.ObsConfig.Facility.name"),
            std("instrument_name", STRING, null, "meta.id;instr", "Instrument").withUtype("obscore:Provenance.ObsConfig.Instrument.name").asIndexed());

    private TapTable obscore(String baseUrl) {
        String select = """
                SELECT CASE g.dataproduct_type WHEN 'im' THEN 'image' WHEN 'ma' THEN 'image' WHEN 'sc' THEN 'cube'
                            WHEN 'cu' THEN 'cube' WHEN 'ts' THEN 'timeseries' WHEN 'sp' THEN 'spectrum'
                            ELSE 'measurements' END AS dataproduct_type,
                       g.calib_level, g.obs_collection, g.obs_id,
                       CAST(? AS text) || '?' || g.granule_uid AS obs_publisher_did,
                       CAST(? AS text) || g.access_path AS access_url, g.access_format,
                       CAST(ceil(g.size_bytes / 1024.0) AS bigint) AS access_estsize,
                       'Sun' AS target_name,
                       CAST(NULL AS double precision) AS s_ra, CAST(NULL AS double precision) AS s_dec,
                       greatest(g.c1max - g.c1min, g.c2max - g.c2min) AS s_fov,
                       CAST(NULL AS text) AS s_region,
                       g.c1_resol * 3600.0 AS s_resolution, g.s_xel1, g.s_xel2,
                       CAST(NULL AS bigint) AS em_xel, g.wavelength_min_m AS em_min, g.wavelength_max_m AS em_max,
                       CAST(NULL AS double precision) AS em_res_power, CAST(NULL AS bigint) AS t_xel,
                       archive.modified_julian_day(g.t_start) AS t_min, archive.modified_julian_day(g.t_end) AS t_max,
                       g.exposure_s AS t_exptime, CAST(NULL AS double precision) AS t_resolution,
                       g.measurement_type AS o_ucd, CAST(NULL AS text) AS pol_states, CAST(NULL AS bigint) AS pol_xel,
                       g.instrument_host_name AS facility_name, g.instrument_name
                FROM (""";
        SqlFragment.Builder sql = new SqlFragment.Builder().append(new SqlFragment(select,
                List.of(settings.ivoAuthority() + "/tap", baseUrl)));
        sql.append(granules()).append(") AS g");
        return new TapTable("ivoa", "obscore", "ivo://ivoa.net/std/ObsCore#table-1.1",
                "ObsCore 1.1: the public observations and products of the archive, one row per file",
                OBSCORE_COLUMNS, sql.build());
    }

    // ---------------------------------------------------------------------------------------------------------
    // medoc.epn_core

    static final List<TapColumn> EPN_COLUMNS = List.of(
            std("granule_uid", STRING, null, "meta.id", "Unique identifier of the granule (one file)"),
            std("granule_gid", STRING, null, "meta.id", "Group of granules of one kind: raw, calibrated, derived, a product type"),
            std("obs_id", STRING, null, "meta.id", "Groups granules derived from the same data"),
            std("dataproduct_type", STRING, null, "meta.code.class", "EPN-TAP product type: im image, ma map, sc spectral cube, ts time series"),
            std("target_name", STRING, null, "meta.id;src", "Target name (IAU): Sun"),
            std("target_class", STRING, null, "src.class", "Target class: star"),
            std("time_min", DOUBLE, "d", "time.start", "Start time, Julian Day (UTC)").asIndexed(),
            std("time_max", DOUBLE, "d", "time.end", "End time, Julian Day (UTC)"),
            std("time_sampling_step_min", DOUBLE, "s", "time.resolution;stat.min", "Shortest time sampling step"),
            std("time_sampling_step_max", DOUBLE, "s", "time.resolution;stat.max", "Longest time sampling step"),
            std("time_exp_min", DOUBLE, "s", "time.duration;obs.exposure;stat.min", "Shortest integration time"),
            std("time_exp_max", DOUBLE, "s", "time.duration;obs.exposure;stat.max", "Longest integration time"),
            std("spectral_range_min", DOUBLE, "Hz", "em.freq;stat.min", "Lowest frequency"),
            std("spectral_range_max", DOUBLE, "Hz", "em.freq;stat.max", "Highest frequency"),
            std("spectral_sampling_step_min", DOUBLE, "Hz", "em.freq.step;stat.min", "Smallest spectral sampling step"),
            std("spectral_sampling_step_max", DOUBLE, "Hz", "em.freq.step;stat.max", "Largest spectral sampling step"),
            std("spectral_resolution_min", DOUBLE, null, "spect.resolution;stat.min", "Smallest resolving power"),
            std("spectral_resolution_max", DOUBLE, null, "spect.resolution;stat.max", "Largest resolving power"),
            std("c1min", DOUBLE, "deg", "obs.field;stat.min", "Smallest first coordinate (helioprojective x or Carrington longitude)"),
            std("c1max", DOUBLE, "deg", "obs.field;stat.max", "Largest first coordinate"),
            std("c2min", DOUBLE, "deg", "obs.field;stat.min", "Smallest second coordinate (helioprojective y or Carrington latitude)"),
            std("c2max", DOUBLE, "deg", "obs.field;stat.max", "Largest second coordinate"),
            std("c3min", DOUBLE, null, "obs.field;stat.min", "Smallest third coordinate"),
            std("c3max", DOUBLE, null, "obs.field;stat.max", "Largest third coordinate"),
            std("s_region", STRING, null, "pos.outline;obs.field", "Footprint (not given)"),
            std("c1_resol_min", DOUBLE, "deg", "pos.resolution;stat.min", "Finest resolution along the first coordinate"),
            std("c1_resol_max", DOUBLE, "deg", "pos.resolution;stat.max", "Coarsest resolution along the first coordinate"),
            std("c2_resol_min", DOUBLE, "deg", "pos.resolution;stat.min", "Finest resolution along the second coordinate"),
            std("c2_resol_max", DOUBLE, "deg", "pos.resolution;stat.max", "Coarsest resolution along the second coordinate"),
            std("c3_resol_min", DOUBLE, null, "pos.resolution;stat.min", "Finest resolution along the third coordinate"),
            std("c3_resol_max", DOUBLE, null, "pos.resolution;stat.max", "Coarsest resolution along the third coordinate"),
            std("spatial_frame_type", STRING, null, "meta.code.class;pos.frame", "Spatial frame: celestial (helioprojective), body (Carrington) or none"),
            std("incidence_min", DOUBLE, "deg", "pos.incidenceAng;stat.min", "Smallest incidence angle"),
            std("incidence_max", DOUBLE, "deg", "pos.incidenceAng;stat.max", "Largest incidence angle"),
            std("emergence_min", DOUBLE, "deg", "pos.emergenceAng;stat.min", "Smallest emergence angle"),
            std("emergence_max", DOUBLE, "deg", "pos.emergenceAng;stat.max", "Largest emergence angle"),
            std("phase_min", DOUBLE, "deg", "pos.phaseAng;stat.min", "Smallest phase angle"),
            std("phase_max", DOUBLE, "deg", "pos.phaseAng;stat.max", "Largest phase angle"),
            std("instrument_host_name", STRING, null, "meta.id;instr.obsty", "Mission carrying the instrument"),
            std("instrument_name", STRING, null, "meta.id;instr", "Instrument").asIndexed(),
            std("measurement_type", STRING, null, "meta.ucd", "UCD of the measured quantity"),
            std("processing_level", INT, null, "meta.calibLevel", "EPN-TAP processing level: 1 telemetry, 2 raw, 3 calibrated, 5 derived"),
            std("creation_date", TIMESTAMP, null, "time.creation", "Date the granule was catalogued"),
            std("modification_date", TIMESTAMP, null, "time.processing", "Date the granule last changed"),
            std("release_date", TIMESTAMP, null, "time.release", "Date the granule became public"),
            std("service_title", STRING, null, "meta.title", "Name of this service"),
            std("access_url", STRING, null, "meta.ref.url;meta.file", "Download URL of the file"),
            std("access_format", STRING, null, "meta.code.mime", "MIME type of the file"),
            std("access_estsize", INT, "kbyte", "phys.size;meta.file", "Size of the file"),
            std("thumbnail_url", STRING, null, "meta.ref.url;meta.preview", "URL of a preview image"),
            std("file_name", STRING, null, "meta.id;meta.file", "Name of the file"),
            std("publisher", STRING, null, "meta.curation", "Publisher of the data"),
            std("bib_reference", STRING, null, "meta.bib", "DOI (or identifier) of the releases holding the file, #-separated"),
            std("spatial_coordinate_description", STRING, null, "meta.code.class;pos.frame", "Coordinate system: HPC (helioprojective) or CARRINGTON"),
            std("time_scale", STRING, null, "time.scale", "Time scale of time_min and time_max"));

    private TapTable epnCore(String baseUrl) {
        String select = """
                SELECT g.granule_uid, g.granule_gid, g.obs_id, g.dataproduct_type,
                       'Sun' AS target_name, 'star' AS target_class,
                       archive.julian_day(g.t_start) AS time_min, archive.julian_day(g.t_end) AS time_max,
                       CAST(NULL AS double precision) AS time_sampling_step_min,
                       CAST(NULL AS double precision) AS time_sampling_step_max,
                       g.exposure_s AS time_exp_min, g.exposure_s AS time_exp_max,
                       %1$s / g.wavelength_max_m AS spectral_range_min, %1$s / g.wavelength_min_m AS spectral_range_max,
                       CAST(NULL AS double precision) AS spectral_sampling_step_min,
                       CAST(NULL AS double precision) AS spectral_sampling_step_max,
                       CAST(NULL AS double precision) AS spectral_resolution_min,
                       CAST(NULL AS double precision) AS spectral_resolution_max,
                       g.c1min, g.c1max, g.c2min, g.c2max,
                       CAST(NULL AS double precision) AS c3min, CAST(NULL AS double precision) AS c3max,
                       CAST(NULL AS text) AS s_region,
                       g.c1_resol AS c1_resol_min, g.c1_resol AS c1_resol_max,
                       g.c2_resol AS c2_resol_min, g.c2_resol AS c2_resol_max,
                       CAST(NULL AS double precision) AS c3_resol_min, CAST(NULL AS double precision) AS c3_resol_max,
                       g.spatial_frame_type,
                       CAST(NULL AS double precision) AS incidence_min, CAST(NULL AS double precision) AS incidence_max,
                       CAST(NULL AS double precision) AS emergence_min, CAST(NULL AS double precision) AS emergence_max,
                       CAST(NULL AS double precision) AS phase_min, CAST(NULL AS double precision) AS phase_max,
                       g.instrument_host_name, g.instrument_name, g.measurement_type, g.processing_level,
                       g.creation_date, g.modification_date, g.release_date,
                       CAST(? AS text) AS service_title,
                       CAST(? AS text) || g.access_path AS access_url, g.access_format,
                       CAST(ceil(g.size_bytes / 1024.0) AS integer) AS access_estsize,
                       CAST(? AS text) || g.thumbnail_path AS thumbnail_url,
                       g.file_name, CAST(? AS text) AS publisher,
                       %2$s AS bib_reference,
                       g.spatial_coordinate_description, 'UTC' AS time_scale
                FROM (""".formatted(SPEED_OF_LIGHT_M_PER_S, bibReference());
        SqlFragment.Builder sql = new SqlFragment.Builder().append(new SqlFragment(select,
                List.of(settings.serviceTitle(), baseUrl, baseUrl, settings.publisher())));
        sql.append(granules()).append(") AS g");
        return new TapTable("medoc", "epn_core", "ivo://ivoa.net/std/epntap#table-2.0",
                "EPN-TAP 2.0: the public observations and products of the archive, one row per file",
                EPN_COLUMNS, sql.build());
    }

    /** The release identifiers of the granule, #-separated in a stable order, or null. */
    private String bibReference() {
        if (bibReferenceSources.isEmpty()) {
            return "CAST(NULL AS text)";
        }
        StringBuilder union = new StringBuilder();
        for (VoBibReferenceSource source : bibReferenceSources) {
            // the sources' SQL is the owners' jOOQ query, rendered with its values inlined as literals by jOOQ
            // (never text from a TAP query): it has no parameters that could change per request
            union.append(union.isEmpty() ? "" : " UNION ALL ").append(inlined(source.bibReferences(dsl)));
        }
        return "(SELECT string_agg(DISTINCT b.bib_reference, '#' ORDER BY b.bib_reference) FROM (" + union
                + ") AS b WHERE b.item_kind = g.item_kind AND b.item_id = g.item_id)";
    }

    // ---------------------------------------------------------------------------------------------------------
    // granules: the public observations and the other modules' rows

    private SqlFragment granules() {
        SqlFragment.Builder sql = new SqlFragment.Builder().append(observations());
        for (VoGranuleSource source : granuleSources.stream()
                .sorted(Comparator.comparing(s -> s.getClass().getName())).toList()) {
            Select<?> select = source.granules(dsl);
            List<String> names = select.getSelect().stream().map(Field::getName).map(n -> n.toLowerCase(Locale.ROOT)).toList();
            if (!names.equals(VoGranuleSource.COLUMNS)) {
                throw new IllegalStateException(source.getClass().getName() + " must select " + VoGranuleSource.COLUMNS
                        + " but selects " + names);
            }
            sql.append(" UNION ALL ").append(inlined(select));
        }
        return sql.build();
    }

    private String inlined(Select<?> select) {
        return dsl.renderContext().paramType(ParamType.INLINED).render(select);
    }

    /**
     * The public observations (the one visibility rule, read as an anonymous visitor) in the granule shape. Levels
     * map to EPN-TAP's CODMAC-like processing level and ObsCore's calib_level (ARCHIVE_AND_RELEASES.md §13.3):
     * SPICE L1 is raw (2), L2 calibrated (3); other instruments' level 0 is raw, level 1 and 1.5 calibrated,
     * level 2 and above derived (5).
     */
    private static SqlFragment observations() {
        List<String> visible = Visibility.observationsVisibleTo(Visibility.Reader.ANONYMOUS).stream()
                .map(Visibility.Access::name).sorted().toList();
        String placeholders = String.join(", ", visible.stream().map(v -> "CAST(? AS text)").toList());
        String sql = """
                SELECT 'OBSERVATION' AS item_kind, o.id AS item_id,
                       'observation-' || o.id AS granule_uid,
                       CASE o.processing_level WHEN 1 THEN 'telemetry' WHEN 2 THEN 'raw' WHEN 3 THEN 'calibrated'
                            WHEN 5 THEN 'derived' ELSE 'unknown' END AS granule_gid,
                       coalesce('spice-' || o.spiobsid || '-' || coalesce(o.detector, ''), 'observation-' || o.id) AS obs_id,
                       CASE WHEN o.instrument = 'SPICE' THEN 'sc' WHEN o.ctype1 LIKE 'CRLN%%' THEN 'ma'
                            WHEN cardinality(o.naxis) >= 3 THEN 'cu' ELSE 'im' END AS dataproduct_type,
                       o.calib_level, o.processing_level,
                       o.mission || '/' || o.instrument AS obs_collection,
                       o.mission AS instrument_host_name, o.instrument AS instrument_name,
                       o.date_obs AS t_start, o.date_end AS t_end, o.exposure_seconds AS exposure_s,
                       o.wavelength_angstrom * 1e-10 AS wavelength_min_m, o.wavelength_angstrom * 1e-10 AS wavelength_max_m,
                       CASE WHEN o.ctype1 LIKE 'HPLN%%' THEN 'celestial' WHEN o.ctype1 LIKE 'CRLN%%' THEN 'body'
                            ELSE 'none' END AS spatial_frame_type,
                       CASE WHEN o.ctype1 LIKE 'HPLN%%' THEN 'HPC' WHEN o.ctype1 LIKE 'CRLN%%' THEN 'CARRINGTON'
                            END AS spatial_coordinate_description,
                       least(o.x_a, o.x_b) AS c1min, greatest(o.x_a, o.x_b) AS c1max,
                       least(o.y_a, o.y_b) AS c2min, greatest(o.y_a, o.y_b) AS c2max,
                       abs(o.cdelt1 * o.scale1) AS c1_resol, abs(o.cdelt2 * o.scale2) AS c2_resol,
                       CAST(o.image_width AS bigint) AS s_xel1, CAST(o.image_height AS bigint) AS s_xel2,
                       CASE WHEN o.instrument IN ('HMI', 'MDI', 'PHI') THEN 'phys.magField' ELSE 'phot.radiance' END
                            AS measurement_type,
                       o.file_name, '/api/v1/observations/' || o.id || '/file' AS access_path,
                       'application/fits' AS access_format, o.size_bytes,
                       CASE WHEN o.quicklook_key IS NOT NULL THEN '/api/v1/observations/' || o.id || '/preview' END
                            AS thumbnail_path,
                       o.ingested_at AS creation_date, o.ingested_at AS modification_date, o.ingested_at AS release_date
                FROM (SELECT p.*,
                             CAST(CASE WHEN p.lvl IS NULL THEN 1
                                  WHEN p.instrument = 'SPICE' THEN least(greatest(floor(p.lvl), 0), 3)
                                  WHEN p.lvl < 1 THEN 1 WHEN p.lvl < 2 THEN 2 ELSE 3 END AS integer) AS calib_level,
                             CAST(CASE WHEN p.lvl IS NULL THEN NULL
                                  WHEN p.instrument = 'SPICE' THEN CASE WHEN p.lvl < 1 THEN 1 WHEN p.lvl < 2 THEN 2
                                                                        WHEN p.lvl < 3 THEN 3 ELSE 5 END
                                  WHEN p.lvl < 1 THEN 2 WHEN p.lvl < 2 THEN 3 ELSE 5 END AS integer) AS processing_level,
                             (p.crval1 + (0.5 - p.crpix1) * p.cdelt1) * p.scale1 AS x_a,
                             (p.crval1 + (p.image_width + 0.5 - p.crpix1) * p.cdelt1) * p.scale1 AS x_b,
                             (p.crval2 + (0.5 - p.crpix2) * p.cdelt2) * p.scale2 AS y_a,
                             (p.crval2 + (p.image_height + 0.5 - p.crpix2) * p.cdelt2) * p.scale2 AS y_b
                      FROM (SELECT obs.*,
                                   CASE WHEN obs.level ~ '^[0-9]+(\\.[0-9]+)?$' THEN CAST(obs.level AS numeric) END AS lvl,
                                   CASE WHEN lower(obs.cunit1) = 'deg' OR obs.ctype1 LIKE 'CRLN%%' THEN 1.0
                                        WHEN obs.ctype1 LIKE 'HPLN%%' THEN 1 / 3600.0 END AS scale1,
                                   CASE WHEN lower(obs.cunit2) = 'deg' OR obs.ctype2 LIKE 'CRLT%%' THEN 1.0
                                        WHEN obs.ctype2 LIKE 'HPLT%%' THEN 1 / 3600.0 END AS scale2
                            FROM archive.observation AS obs
                            WHERE obs.access IN (%s)) AS p) AS o""".formatted(placeholders);
        return new SqlFragment(sql, List.copyOf(visible));
    }
}
