package org.medoc.products.api;

import org.junit.jupiter.api.Test;
import org.medoc.products.ProductsTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/v1/product-campaigns}: archivists start, cancel and resume campaigns, staff read them, bad requests are
 * RFC 9457 problems naming the parameter. No node executes in this context, so a started campaign stays ENUMERATING
 * (what it does on the nodes is {@code CampaignTests}').
 */
@SpringBootTest(classes = ProductsTestApplication.class)
@AutoConfigureMockMvc
class ProductCampaignApiTests {

    static final Instant FROM = ProductsTestApplication.REPROCESS_START.plus(Duration.ofHours(75));
    static final Instant TO = FROM.plus(Duration.ofHours(4));

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;

    private static String body(String type, String version, String from, String to) {
        return "{\"type\":\"" + type + "\"" + (version == null ? "" : ",\"version\":\"" + version + "\"")
                + ",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    private JsonNode started() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/product-campaigns").contentType(MediaType.APPLICATION_JSON)
                        .content(body("reprocess", null, FROM.toString(), TO.toString())).with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void anArchivistStartsACampaignOfTheCurrentVersionAndStaffFollowIt() throws Exception {
        JsonNode campaign = started();

        assertThat(campaign.get("type").asString()).isEqualTo("reprocess");
        assertThat(campaign.get("version").asString()).isEqualTo("2.0");
        assertThat(campaign.get("status").asString()).isEqualTo("ENUMERATING");
        assertThat(campaign.get("requestedBy").asString()).isEqualTo("archivist");
        assertThat(Instant.parse(campaign.get("from").asString())).isEqualTo(FROM);
        assertThat(campaign.get("progress").get("total").asLong()).isZero();
        long id = campaign.get("id").asLong();

        mvc.perform(get("/api/v1/product-campaigns/" + id).with(httpBasic("planner", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.progress.remaining").value(0))
                .andExpect(jsonPath("$.progress.failed").value(0));
        mvc.perform(get("/api/v1/product-campaigns?size=200").with(httpBasic("planner", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].status").value("ENUMERATING"));
        mvc.perform(get("/api/v1/product-campaigns/" + id + "/items?status=FAILED").with(httpBasic("planner", "secret")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void cancelAndResumeAnswerTheNewStateAndAConflictWhenTheStateDoesNotAllowIt() throws Exception {
        long id = started().get("id").asLong();

        mvc.perform(post("/api/v1/product-campaigns/" + id + "/resume").with(httpBasic("archivist", "secret")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("campaign " + id + " is enumerating: only a cancelled or finished campaign can be resumed"));
        mvc.perform(post("/api/v1/product-campaigns/" + id + "/cancel").with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/product-campaigns/" + id + "/cancel").with(httpBasic("archivist", "secret")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/product-campaigns/" + id + "/resume").with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("ENUMERATING"));
        mvc.perform(post("/api/v1/product-campaigns/" + id + "/cancel").with(httpBasic("archivist", "secret")))
                .andExpect(status().isAccepted());
    }

    @Test
    void onlyArchivistsAndAdministratorsStartOrCancelAndOnlyStaffRead() throws Exception {
        String request = body("reprocess", "1.0", FROM.toString(), TO.toString());
        mvc.perform(post("/api/v1/product-campaigns").contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/product-campaigns").contentType(MediaType.APPLICATION_JSON).content(request)
                .with(httpBasic("planner", "secret"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/product-campaigns/1/cancel").with(httpBasic("planner", "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/product-campaigns")).andExpect(status().isUnauthorized());
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() throws Exception {
        expectProblem(body("nope", null, "2003-01-01", "2003-01-02"), 400, "type");
        expectProblem(body("reprocess", "9.9", "2003-01-01", "2003-01-02"), 400, "version");
        expectProblem(body("reprocess", "1 0", "2003-01-01", "2003-01-02"), 400, "version");
        expectProblem(body("reprocess", null, "2003-01-03", "2003-01-02"), 400, "from");
        expectProblem(body("reprocess", null, "yesterday", "2003-01-02"), 400, "from");
        expectProblem("{\"from\":\"2003-01-01\",\"to\":\"2003-01-02\"}", 400, "type");

        mvc.perform(get("/api/v1/product-campaigns/999999").with(httpBasic("planner", "secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/product-campaigns?size=0").with(httpBasic("planner", "secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("size"));
        long id = started().get("id").asLong();
        mvc.perform(get("/api/v1/product-campaigns/" + id + "/items?status=BROKEN").with(httpBasic("planner", "secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("status"));
    }

    private void expectProblem(String request, int status, String parameter) throws Exception {
        mvc.perform(post("/api/v1/product-campaigns").contentType(MediaType.APPLICATION_JSON).content(request)
                        .with(httpBasic("archivist", "secret")))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.parameter").value(parameter));
    }
}
