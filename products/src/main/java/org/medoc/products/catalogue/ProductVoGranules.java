package org.medoc.products.catalogue;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.medoc.archive.vo.VoGranuleSource;
import org.springframework.stereotype.Component;

import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;

/**
 * The products in the VO tables (ivoa.obscore, medoc.epn_core): one granule per DATA file, downloaded from the
 * products API. Products are public (made of public observations only), so every product is listed. DEM maps lie on
 * the AIA image grid (dataproduct_type {@code im}, helioprojective); synoptic and current maps, as they arrive, are
 * maps ({@code ma}). All are derived data: EPN-TAP processing level 5, ObsCore calib_level 3.
 */
@Component
class ProductVoGranules implements VoGranuleSource {

    /** The six AIA EUV channels a DEM is fitted from, 94 to 335 Å. */
    private static final double DEM_SHORTEST_M = 94e-10;
    private static final double DEM_LONGEST_M = 335e-10;

    @Override
    public Select<?> granules(DSLContext dsl) {
        Field<Boolean> dem = PRODUCT.TYPE.eq(DSL.inline("dem"));
        Field<String> path = DSL.inline("/api/v1/products/").concat(PRODUCT.ID.cast(String.class));
        var preview = PRODUCT_FILE.as("preview");
        return dsl.select(
                        DSL.inline("PRODUCT").as("item_kind"),
                        PRODUCT.ID.as("item_id"),
                        DSL.inline("product-").concat(PRODUCT.ID.cast(String.class)).concat(DSL.inline("-"))
                                .concat(PRODUCT_FILE.POSITION.cast(String.class)).as("granule_uid"),
                        DSL.lower(DSL.replace(PRODUCT.TYPE, DSL.inline("-"), DSL.inline("_"))).concat(DSL.inline("_map")).as("granule_gid"),
                        DSL.inline("product-").concat(PRODUCT.ID.cast(String.class)).as("obs_id"),
                        DSL.when(dem, DSL.inline("im")).otherwise(DSL.inline("ma")).as("dataproduct_type"),
                        DSL.inline(3).as("calib_level"),
                        DSL.inline(5).as("processing_level"),
                        DSL.inline("medoc/").concat(PRODUCT.TYPE).as("obs_collection"),
                        DSL.when(dem, DSL.inline("SDO")).otherwise(DSL.inline("medoc")).as("instrument_host_name"),
                        DSL.when(dem, DSL.inline("AIA")).otherwise(PRODUCT.TYPE).as("instrument_name"),
                        PRODUCT.REFERENCE_TIME.as("t_start"),
                        PRODUCT.REFERENCE_TIME.as("t_end"),
                        DSL.castNull(SQLDataType.DOUBLE).as("exposure_s"),
                        DSL.when(dem, DSL.inline(DEM_SHORTEST_M)).otherwise(DSL.castNull(SQLDataType.DOUBLE)).as("wavelength_min_m"),
                        DSL.when(dem, DSL.inline(DEM_LONGEST_M)).otherwise(DSL.castNull(SQLDataType.DOUBLE)).as("wavelength_max_m"),
                        DSL.when(dem, DSL.inline("celestial")).otherwise(DSL.inline("none")).as("spatial_frame_type"),
                        DSL.when(dem, DSL.inline("HPC")).otherwise(DSL.castNull(SQLDataType.VARCHAR)).as("spatial_coordinate_description"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c1min"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c1max"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c2min"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c2max"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c1_resol"),
                        DSL.castNull(SQLDataType.DOUBLE).as("c2_resol"),
                        DSL.castNull(SQLDataType.BIGINT).as("s_xel1"),
                        DSL.castNull(SQLDataType.BIGINT).as("s_xel2"),
                        DSL.when(dem, DSL.inline("phys.emissMeasure")).otherwise(DSL.inline("phys.magField")).as("measurement_type"),
                        PRODUCT_FILE.NAME.as("file_name"),
                        path.concat(DSL.inline("/files/")).concat(PRODUCT_FILE.NAME).as("access_path"),
                        DSL.lower(PRODUCT_FILE.MEDIA_TYPE).as("access_format"),
                        PRODUCT_FILE.SIZE_BYTES.as("size_bytes"),
                        DSL.when(DSL.exists(DSL.selectOne().from(preview).where(preview.PRODUCT_ID.eq(PRODUCT.ID))
                                        .and(preview.ROLE.eq(DSL.inline("PREVIEW")))),
                                path.concat(DSL.inline("/preview"))).as("thumbnail_path"),
                        PRODUCT.CREATED_AT.as("creation_date"),
                        PRODUCT.CREATED_AT.as("modification_date"),
                        PRODUCT.CREATED_AT.as("release_date"))
                .from(PRODUCT).join(PRODUCT_FILE).on(PRODUCT_FILE.PRODUCT_ID.eq(PRODUCT.ID))
                .where(PRODUCT_FILE.ROLE.eq(DSL.inline("DATA")));
    }
}
