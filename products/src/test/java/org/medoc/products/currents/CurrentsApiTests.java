package org.medoc.products.currents;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public product search by HARP, NOAA number and data type, for anonymous callers. */
@SpringBootTest(classes = ProductsTestApplication.class)
@AutoConfigureMockMvc
class CurrentsApiTests {

    static final String DAY = "from=2011-02-15&to=2011-02-15";

    @Autowired MockMvc mvc;
    @Autowired IngestService ingest;
    @Autowired ProductChain chain;

    private static boolean prepared;

    @BeforeEach
    void harp377HasACurrentMap() throws Exception {
        if (prepared) {
            return;
        }
        prepared = true;
        ingest.ingest(SharpSamples.harp377(), "CurrentsApiTests");
        chain.runRange("currents", Instant.parse("2011-02-15T00:00:00Z"), Instant.parse("2011-02-15T23:59:59Z"), o -> { });
    }

    @Test
    void anonymousSearchFindsTheMapByHarpNoaaAndDataTypeWithItsLabels() throws Exception {
        mvc.perform(get("/api/v1/products?type=currents&harp=377&noaa=11158&dataType=sci&" + DAY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].subject").value("sci-377"))
                .andExpect(jsonPath("$.items[0].referenceTime").value("2011-02-15T01:59:26Z"))
                .andExpect(jsonPath("$.items[0].attributes.harp[0]").value("377"))
                .andExpect(jsonPath("$.items[0].attributes.noaa[0]").value("11158"))
                .andExpect(jsonPath("$.items[0].attributes.dataType[0]").value("sci"))
                .andExpect(jsonPath("$.items[0].fileName").value("currents_sci_harp377_20110215_020000_TAI.fits"));
        // leading zeros and upper case are the same query
        mvc.perform(get("/api/v1/products?type=currents&harp=0377&dataType=SCI&" + DAY))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/products?type=currents&harp=378&" + DAY)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/products?type=currents&noaa=11159&" + DAY)).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/products?type=currents&harp=377&dataType=nrt&" + DAY + "&size=1000"))
                .andExpect(jsonPath("$.items[?(@.attributes.dataType[0] == 'sci')]").isEmpty());
    }

    @Test
    void badLabelsAreRefusedWithTheParameterAtFault() throws Exception {
        mvc.perform(get("/api/v1/products?type=currents&dataType=final")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("dataType"))
                .andExpect(jsonPath("$.detail").value(containsString("nrt or sci")));
        mvc.perform(get("/api/v1/products?type=currents&harp=AR377")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("harp"));
        mvc.perform(get("/api/v1/products?type=currents&noaa=-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("noaa"));
    }
}
