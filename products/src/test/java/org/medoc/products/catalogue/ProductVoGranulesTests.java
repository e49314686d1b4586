package org.medoc.products.catalogue;

import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestService;
import org.medoc.archive.vo.TapQueryService;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.products.Tables.PRODUCT;
import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Products in the VO tables: one granule per data file, downloadable from its access_url. */
@SpringBootTest(classes = ProductsTestApplication.class)
@AutoConfigureMockMvc
class ProductVoGranulesTests {

    static final Instant DAY = Instant.parse("2024-07-01T00:00:00Z");
    static final String BASE = "http://medoc.test";

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired TapQueryService tap;
    @Autowired MockMvc mvc;
    @Autowired org.jooq.DSLContext dsl;

    @Test
    void everyProductDataFileIsADerivedGranuleWhoseUrlServesTheCataloguedFile() throws Exception {
        DemoArchive.ingest(ingest, DAY, 2);
        chain.runRange("summary", DAY, DAY.plusSeconds(3600), outcome -> { });
        // the context is shared with other tests' products: count this test's own (summary products of DAY)
        int dataFiles = dsl.fetchCount(PRODUCT_FILE.join(PRODUCT).on(PRODUCT.ID.eq(PRODUCT_FILE.PRODUCT_ID)),
                PRODUCT_FILE.ROLE.eq("DATA").and(PRODUCT.TYPE.eq("summary"))
                        .and(PRODUCT.REFERENCE_TIME.between(DAY.atOffset(ZoneOffset.UTC), DAY.plusSeconds(3600).atOffset(ZoneOffset.UTC))));
        assertThat(dataFiles).isPositive();

        List<Object[]> rows = new ArrayList<>();
        try (TapQueryService.QueryResult result = tap.open("""
                SELECT granule_uid, granule_gid, processing_level, access_url, file_name, access_format
                FROM medoc.epn_core
                WHERE granule_uid LIKE 'product-%' AND granule_gid = 'summary_map'
                  AND time_min >= 2460492.5 AND time_min < 2460492.55
                ORDER BY granule_uid""", 1000, BASE)) {
            while (result.next()) {
                rows.add(result.row());
            }
        }

        assertThat(rows).hasSize(dataFiles);
        assertThat(rows).allSatisfy(r -> {
            assertThat((String) r[0]).startsWith("product-");
            assertThat(r[2]).isEqualTo(5);
            assertThat((String) r[3]).startsWith(BASE + "/api/v1/products/").endsWith("/files/" + r[4]);
        });
        String url = (String) rows.getFirst()[3];
        byte[] body = mvc.perform(get(url.substring(BASE.length()))).andReturn().getResponse().getContentAsByteArray();
        String catalogued = dsl.select(PRODUCT_FILE.SHA256).from(PRODUCT_FILE)
                .where(PRODUCT_FILE.NAME.eq((String) rows.getFirst()[4])).fetchOne(PRODUCT_FILE.SHA256);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))).isEqualTo(catalogued);
    }
}
