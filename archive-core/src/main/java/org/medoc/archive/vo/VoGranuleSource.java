package org.medoc.archive.vo;

import org.jooq.DSLContext;
import org.jooq.Select;

import java.util.List;

/**
 * Rows for the VO tables from a module that owns them (products: DEM, synoptic and current maps). The archive's
 * own observations are read by this package; other modules implement this interface as a Spring bean, so that
 * archive-core never reads their tables. Every row must be public: products are made of public observations only
 * ({@link org.medoc.archive.access.Visibility}).
 *
 * <p>The select list must name exactly {@link #COLUMNS}, in that order, with these types:
 * <ul>
 *   <li>{@code item_kind} text ({@code 'PRODUCT'}), {@code item_id} bigint: the owner's key, matched by
 *       {@link VoBibReferenceSource} rows;</li>
 *   <li>{@code granule_uid}, {@code granule_gid}, {@code obs_id}, {@code dataproduct_type} (EPN-TAP codes:
 *       {@code im}, {@code ma}, {@code sc}, {@code ts}, ...) text;</li>
 *   <li>{@code calib_level} integer (ObsCore 0-4), {@code processing_level} integer (EPN-TAP CODMAC 1-6);</li>
 *   <li>{@code obs_collection}, {@code instrument_host_name}, {@code instrument_name} text;</li>
 *   <li>{@code t_start}, {@code t_end} timestamptz (UTC instants), {@code exposure_s} double precision;</li>
 *   <li>{@code wavelength_min_m}, {@code wavelength_max_m} double precision (metres), or null;</li>
 *   <li>{@code spatial_frame_type} text ({@code celestial} or {@code body}), {@code spatial_coordinate_description}
 *       text ({@code HPC}, {@code CARRINGTON}); {@code c1min} ... {@code c2max} double precision in degrees;
 *       {@code c1_resol}, {@code c2_resol} double precision degrees per pixel; {@code s_xel1}, {@code s_xel2} bigint;</li>
 *   <li>{@code measurement_type} text (UCD);</li>
 *   <li>{@code file_name} text; {@code access_path} text, the download path below the application root (e.g.
 *       {@code /api/v1/products/7/file}); {@code access_format} text (MIME); {@code size_bytes} bigint;
 *       {@code thumbnail_path} text or null;</li>
 *   <li>{@code creation_date}, {@code modification_date}, {@code release_date} timestamptz.</li>
 * </ul>
 */
public interface VoGranuleSource {

    /** The select list every source names, in order. */
    List<String> COLUMNS = List.of("item_kind", "item_id", "granule_uid", "granule_gid", "obs_id", "dataproduct_type",
            "calib_level", "processing_level", "obs_collection", "instrument_host_name", "instrument_name",
            "t_start", "t_end", "exposure_s", "wavelength_min_m", "wavelength_max_m",
            "spatial_frame_type", "spatial_coordinate_description", "c1min", "c1max", "c2min", "c2max",
            "c1_resol", "c2_resol", "s_xel1", "s_xel2", "measurement_type",
            "file_name", "access_path", "access_format", "size_bytes", "thumbnail_path",
            "creation_date", "modification_date", "release_date");

    /** The rows, as a query built with the owner's jOOQ classes (rendered with bind values, never inlined). */
    Select<?> granules(DSLContext dsl);
}
