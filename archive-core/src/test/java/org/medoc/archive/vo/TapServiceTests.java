package org.medoc.archive.vo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medoc.archive.ArchiveTestApplication;
import org.medoc.archive.access.AccessService;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.archive.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.ByteArrayDataSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/**
 * The TAP service over HTTP, as VO clients use it: sync and async queries on both tables, the visibility rule,
 * error documents, limits and result formats.
 */
@SpringBootTest(classes = ArchiveTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TapServiceTests {

    @LocalServerPort int port;
    @Autowired IngestService ingest;
    @Autowired AccessService access;
    @Autowired org.jooq.DSLContext dsl;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    long embargoed;
    long restricted;
    int publicCount;

    @BeforeAll
    void catalogue() throws IOException {
        ingest.ingest(List.of(ArchiveTestApplication.sampleFits()), "test");
        List<Long> aia = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.INSTRUMENT.eq("AIA"))
                .orderBy(OBSERVATION.ID).fetch(OBSERVATION.ID);
        embargoed = aia.get(0);
        restricted = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.INSTRUMENT.eq("HMI"))
                .orderBy(OBSERVATION.ID).limit(1).fetchOne(OBSERVATION.ID);
        access.setAccess(embargoed, Access.EMBARGOED, "test: under embargo");
        access.setAccess(restricted, Access.RESTRICTED, "test: restricted");
        publicCount = dsl.fetchCount(OBSERVATION, OBSERVATION.ACCESS.eq("PUBLIC"));
        assertThat(publicCount).isGreaterThan(5);
    }

    String tap() {
        return "http://localhost:" + port + "/tap";
    }

    HttpResponse<String> get(String path, Map<String, String> parameters) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tap() + path + "?" + form(parameters))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> parameters) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tap() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String form(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static Map<String, String> query(String adql) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("LANG", "ADQL");
        parameters.put("QUERY", adql);
        return parameters;
    }

    HttpResponse<String> sync(String adql) throws Exception {
        return get("/sync", query(adql));
    }

    static StarTable votable(String body) throws IOException {
        return new StarTableFactory(true).makeStarTable(
                new ByteArrayDataSource("result", body.getBytes(StandardCharsets.UTF_8)), "votable");
    }

    static List<Object[]> rows(StarTable table) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        try (RowSequence sequence = table.getRowSequence()) {
            while (sequence.next()) {
                rows.add(sequence.getRow());
            }
        }
        return rows;
    }

    static int column(StarTable table, String name) {
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (table.getColumnInfo(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    @Test
    void epnCoreListsEveryPublicObservationOnceAndNoEmbargoedOrRestrictedOne() throws Exception {
        HttpResponse<String> response = sync("SELECT granule_uid, target_name, target_class FROM medoc.epn_core");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-votable+xml"));
        assertThat(response.body()).contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>").doesNotContain("OVERFLOW");
        List<Object[]> rows = rows(votable(response.body()));
        assertThat(rows).hasSize(publicCount);
        assertThat(rows).extracting(r -> r[0]).doesNotHaveDuplicates()
                .doesNotContain("observation-" + embargoed, "observation-" + restricted);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo("Sun");
            assertThat(r[2]).isEqualTo("star");
        });
    }

    /** EPN-TAP 2.0's mandatory columns (Debian's taplint 3.4.7 has no EPN stage: these rules are checked here). */
    static final List<String> EPN_MANDATORY = List.of("granule_uid", "granule_gid", "obs_id", "dataproduct_type",
            "target_name", "target_class", "time_min", "time_max", "time_sampling_step_min", "time_sampling_step_max",
            "time_exp_min", "time_exp_max", "spectral_range_min", "spectral_range_max", "spectral_sampling_step_min",
            "spectral_sampling_step_max", "spectral_resolution_min", "spectral_resolution_max", "c1min", "c1max",
            "c2min", "c2max", "c3min", "c3max", "s_region", "c1_resol_min", "c1_resol_max", "c2_resol_min",
            "c2_resol_max", "c3_resol_min", "c3_resol_max", "spatial_frame_type", "incidence_min", "incidence_max",
            "emergence_min", "emergence_max", "phase_min", "phase_max", "instrument_host_name", "instrument_name",
            "measurement_type", "processing_level", "creation_date", "modification_date", "release_date", "service_title");
    static final List<String> EPN_ALWAYS_FILLED = List.of("granule_uid", "granule_gid", "obs_id", "dataproduct_type",
            "target_class", "spatial_frame_type", "service_title", "creation_date", "modification_date", "release_date");

    @Test
    void epnCoreFollowsTheEpnTapRules() throws Exception {
        StarTable table = votable(sync("SELECT * FROM medoc.epn_core").body());
        List<Object[]> rows = rows(table);
        assertThat(rows).hasSize(publicCount);
        for (String name : EPN_MANDATORY) {
            column(table, name);
        }
        assertThat(table.getColumnInfo(column(table, "time_min")).getContentClass()).isEqualTo(Double.class);
        assertThat(table.getColumnInfo(column(table, "time_max")).getContentClass()).isEqualTo(Double.class);
        for (Object[] row : rows) {
            for (String name : EPN_ALWAYS_FILLED) {
                assertThat(row[column(table, name)]).as(name).isNotNull();
            }
            for (String name : List.of("granule_gid", "dataproduct_type", "target_class", "spatial_frame_type", "access_format")) {
                String value = (String) row[column(table, name)];
                assertThat(value).as(name).isEqualTo(value.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat((String) row[column(table, "dataproduct_type")]).isIn("im", "ma", "sp", "ds", "sc", "pr", "pf",
                    "vo", "mo", "cu", "ts", "ca", "ci", "sv", "ev");
            assertThat((String) row[column(table, "spatial_frame_type")]).isIn("celestial", "body", "cartesian",
                    "spherical", "cylindrical", "none");
            Object level = row[column(table, "processing_level")];
            assertThat(level == null || List.of(1, 2, 3, 5, 6).contains(level)).as("processing_level " + level).isTrue();
            for (String range : List.of("time", "time_exp", "spectral_range", "c1", "c2", "c3", "c1_resol", "c2_resol")) {
                String min = range.startsWith("c") && !range.contains("resol") ? range + "min" : range + "_min";
                String max = range.startsWith("c") && !range.contains("resol") ? range + "max" : range + "_max";
                Object low = row[column(table, min)];
                Object high = row[column(table, max)];
                assertThat(low == null).as(min + "/" + max + " filled together").isEqualTo(high == null);
                if (low != null) {
                    assertThat((Double) low).as(min + " <= " + max).isLessThanOrEqualTo((Double) high);
                }
            }
            if (row[column(table, "access_url")] != null) {
                assertThat(row[column(table, "access_format")]).isEqualTo("application/fits");
                assertThat((Integer) row[column(table, "access_estsize")]).isPositive();
            }
        }
        List<Object[]> utype = rows(votable(sync("SELECT utype FROM TAP_SCHEMA.tables WHERE table_name = 'medoc.epn_core'").body()));
        assertThat(utype).singleElement().satisfies(r -> assertThat(r[0]).isEqualTo("ivo://ivoa.net/std/epntap#table-2.0"));
    }

    @Test
    void obscoreHidesTheEmbargoedAndRestrictedObservationsToo() throws Exception {
        StarTable table = votable(sync("SELECT obs_publisher_did, access_url FROM ivoa.obscore").body());
        List<Object[]> rows = rows(table);

        assertThat(rows).hasSize(publicCount);
        assertThat(rows).extracting(r -> (String) r[1])
                .noneMatch(url -> url.endsWith("/observations/" + embargoed + "/file"))
                .noneMatch(url -> url.endsWith("/observations/" + restricted + "/file"))
                .allMatch(url -> url.startsWith("http://localhost:" + port + "/api/v1/observations/"));
    }

    @Test
    void aTimeRangeAndInstrumentQueryReturnsTheMatchingGranulesInOrder() throws Exception {
        HttpResponse<String> response = sync("""
                SELECT TOP 50 granule_uid, instrument_name, time_min, time_max, spectral_range_min, processing_level
                FROM medoc.epn_core
                WHERE instrument_name = 'AIA' AND time_min BETWEEN 2400000.5 AND 2500000.5
                ORDER BY time_min DESC""");

        StarTable table = votable(response.body());
        List<Object[]> rows = rows(table);
        int publicAia = dsl.fetchCount(OBSERVATION, OBSERVATION.ACCESS.eq("PUBLIC").and(OBSERVATION.INSTRUMENT.eq("AIA")));
        assertThat(rows).hasSize(publicAia).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r[1]).isEqualTo("AIA"));
        for (int i = 1; i < rows.size(); i++) {
            assertThat((Double) rows.get(i - 1)[2]).isGreaterThanOrEqualTo((Double) rows.get(i)[2]);
        }
        assertThat(table.getColumnInfo(2).getUnitString()).isEqualTo("d");
        assertThat(table.getColumnInfo(2).getUCD()).isEqualTo("time.start");
        // AIA 171 Å: c / 171e-10 m = 1.753e16 Hz
        Object[] aia171 = rows.stream().filter(r -> r[4] != null && Math.abs((Double) r[4] - 1.753e16) < 0.001e16)
                .findFirst().orElseThrow(() -> new AssertionError("no AIA 171 granule"));
        assertThat((Integer) aia171[5]).isEqualTo(3);
    }

    @Test
    void julianDaysMatchTheCatalogueTimes() throws Exception {
        long id = dsl.select(OBSERVATION.ID).from(OBSERVATION).where(OBSERVATION.ACCESS.eq("PUBLIC"))
                .orderBy(OBSERVATION.ID).limit(1).fetchOne(OBSERVATION.ID);
        Instant start = dsl.select(OBSERVATION.DATE_OBS).from(OBSERVATION).where(OBSERVATION.ID.eq(id))
                .fetchOne(OBSERVATION.DATE_OBS).toInstant();
        List<Object[]> rows = rows(votable(
                sync("SELECT time_min FROM medoc.epn_core WHERE granule_uid = 'observation-" + id + "'").body()));

        double expectedJd = start.getEpochSecond() / 86400.0 + start.getNano() / 86400e9 + 2440587.5;
        assertThat((Double) rows.get(0)[0]).isCloseTo(expectedJd, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void maxrecCutsTheResultAndSetsTheOverflowFlag() throws Exception {
        Map<String, String> parameters = query("SELECT granule_uid FROM medoc.epn_core");
        parameters.put("MAXREC", "2");
        HttpResponse<String> response = get("/sync", parameters);

        assertThat(rows(votable(response.body()))).hasSize(2);
        assertThat(response.body()).contains("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
    }

    @Test
    void topBelowMaxrecIsNoOverflow() throws Exception {
        HttpResponse<String> response = sync("SELECT TOP 2 granule_uid FROM medoc.epn_core");

        assertThat(rows(votable(response.body()))).hasSize(2);
        assertThat(response.body()).doesNotContain("OVERFLOW");
    }

    @Test
    void postQueriesWorkWithoutASessionOrCsrfToken() throws Exception {
        HttpResponse<String> response = post("/sync", query("SELECT TOP 1 obs_id FROM ivoa.obscore"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows(votable(response.body()))).hasSize(1);
    }

    @Test
    void csvAndJsonCarryTheSameRows() throws Exception {
        Map<String, String> csv = query("SELECT granule_uid, time_min FROM medoc.epn_core ORDER BY granule_uid");
        csv.put("RESPONSEFORMAT", "csv");
        HttpResponse<String> csvResponse = get("/sync", csv);
        Map<String, String> json = query("SELECT granule_uid, time_min FROM medoc.epn_core ORDER BY granule_uid");
        json.put("FORMAT", "application/json");
        HttpResponse<String> jsonResponse = get("/sync", json);

        assertThat(csvResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csvResponse.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("granule_uid,time_min");
        assertThat(lines).hasSize(publicCount + 1);
        assertThat(jsonResponse.body()).startsWith("{\"metadata\":[{\"name\":\"granule_uid\"")
                .contains("\"" + lines[1].split(",")[0] + "\"").endsWith("\"overflow\":false}\n");
    }

    @Test
    void aQueryOnAnUnpublishedTableGetsAnErrorDocumentNamingIt() throws Exception {
        HttpResponse<String> response = sync("SELECT * FROM archive.observation");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">")
                .contains("table archive.observation is not published");
    }

    @Test
    void injectionAttemptsGetErrorDocumentsAndTouchNothing() throws Exception {
        int before = dsl.fetchCount(OBSERVATION);
        List<String> attempts = List.of(
                "SELECT * FROM medoc.epn_core; DELETE FROM archive.observation",
                "SELECT * FROM medoc.epn_core WHERE granule_uid = 'x' /* comment */",
                "SELECT * FROM medoc.epn_core WHERE granule_uid = 'x'' OR ''1''=''1",
                "SELECT * FROM medoc.epn_core WHERE granule_uid IN (SELECT file_name FROM archive.observation)",
                "SELECT * FROM (SELECT * FROM archive.observation) AS o",
                "SELECT granule_uid, pg_sleep(10) FROM medoc.epn_core",
                "SELECT * FROM medoc.epn_core WHERE time_min > (SELECT max(id) FROM archive.observation)",
                "SELECT * FROM medoc.epn_core UNION SELECT * FROM archive.quarantine",
                "DELETE FROM archive.observation",
                "SELECT * FROM medoc.epn_core JOIN archive.observation ON true");
        for (String attempt : attempts) {
            HttpResponse<String> response = sync(attempt);
            assertThat(response.statusCode()).as(attempt).isEqualTo(400);
            assertThat(response.body()).as(attempt).contains("value=\"ERROR\"");
        }
        // a quote inside a literal is a value, never SQL: nothing matches and nothing breaks
        HttpResponse<String> quoted = sync("SELECT granule_uid FROM medoc.epn_core WHERE granule_uid = 'x'' OR ''1''=''1'");
        assertThat(quoted.statusCode()).isEqualTo(200);
        assertThat(rows(votable(quoted.body()))).isEmpty();
        assertThat(dsl.fetchCount(OBSERVATION)).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongFormIsAnErrorDocumentNotAServerError() throws Exception {
        HttpResponse<String> response = sync("SELECT granule_uid FROM medoc.epn_core WHERE creation_date > 'yesterday-ish'");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("value=\"ERROR\"").contains("cannot be run");
    }

    @Test
    void tapSchemaDescribesExactlyThePublishedTables() throws Exception {
        List<Object[]> tables = rows(votable(sync("SELECT table_name FROM TAP_SCHEMA.tables ORDER BY table_index").body()));
        assertThat(tables).extracting(r -> r[0]).containsExactly("ivoa.obscore", "medoc.epn_core", "TAP_SCHEMA.schemas",
                "TAP_SCHEMA.tables", "TAP_SCHEMA.columns", "TAP_SCHEMA.keys", "TAP_SCHEMA.key_columns");
        List<Object[]> columns = rows(votable(sync("""
                SELECT column_name, unit, ucd FROM TAP_SCHEMA.columns WHERE table_name = 'medoc.epn_core'
                ORDER BY column_index""").body()));
        assertThat(columns).extracting(r -> r[0]).containsExactlyElementsOf(
                PublishedTables.EPN_COLUMNS.stream().map(TapColumn::name).toList());
        assertThat(columns).filteredOn(r -> r[0].equals("time_min")).singleElement()
                .satisfies(r -> assertThat(r).containsExactly("time_min", "d", "time.start"));
    }

    @Test
    void vosiDocumentsNameTheService() throws Exception {
        assertThat(get("/capabilities", Map.of()).body()).contains("ivo://ivoa.net/std/TAP")
                .contains("<accessURL use=\"base\">" + tap() + "</accessURL>");
        assertThat(get("/availability", Map.of()).body()).contains("<vosi:available>true</vosi:available>");
        assertThat(get("/tables", Map.of()).body()).contains("<name>medoc.epn_core</name>").contains("<name>bib_reference</name>");
    }

    @Test
    void anAsyncJobRunsToCompletionAndServesItsResult() throws Exception {
        Map<String, String> parameters = query("SELECT TOP 3 granule_uid FROM medoc.epn_core ORDER BY granule_uid");
        HttpResponse<String> created = post("/async", parameters);
        assertThat(created.statusCode()).isEqualTo(303);
        String job = created.headers().firstValue("Location").orElseThrow();
        assertThat(job).startsWith(tap() + "/async/");
        String jobPath = job.substring(tap().length());

        assertThat(get(jobPath + "/phase", Map.of()).body()).isEqualTo("PENDING");
        HttpResponse<String> run = post(jobPath + "/phase", Map.of("PHASE", "RUN"));
        assertThat(run.statusCode()).isEqualTo(303);
        String phase = waitForEnd(jobPath);

        assertThat(phase).isEqualTo("COMPLETED");
        String document = get(jobPath, Map.of()).body();
        assertThat(document).contains("<uws:phase>COMPLETED</uws:phase>").contains(jobPath + "/results/result");
        assertThat(rows(votable(get(jobPath + "/results/result", Map.of()).body()))).hasSize(3);
        assertThat(get("/async", Map.of()).body()).contains(job);

        HttpResponse<String> deleted = post(jobPath, Map.of("ACTION", "DELETE"));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(get(jobPath, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingAsyncJobEndsInErrorWithItsErrorDocument() throws Exception {
        Map<String, String> parameters = query("SELECT secret FROM archive.observation");
        parameters.put("PHASE", "RUN");
        String jobPath = post("/async", parameters).headers().firstValue("Location").orElseThrow().substring(tap().length());

        assertThat(waitForEnd(jobPath)).isEqualTo("ERROR");
        assertThat(get(jobPath, Map.of()).body()).contains("<uws:errorSummary").contains("not published");
        assertThat(get(jobPath + "/error", Map.of()).body()).contains("value=\"ERROR\"").contains("not published");
    }

    @Test
    void aPendingJobCanBeAbortedAndItsLimitsChanged() throws Exception {
        String jobPath = post("/async", query("SELECT TOP 1 * FROM medoc.epn_core")).headers().firstValue("Location")
                .orElseThrow().substring(tap().length());

        post(jobPath + "/executionduration", Map.of("EXECUTIONDURATION", "5"));
        assertThat(get(jobPath + "/executionduration", Map.of()).body()).isEqualTo("5");
        String inAnHour = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        post(jobPath + "/destruction", Map.of("DESTRUCTION", inAnHour));
        assertThat(get(jobPath + "/destruction", Map.of()).body()).isEqualTo(inAnHour);
        post(jobPath + "/phase", Map.of("PHASE", "ABORT"));
        assertThat(get(jobPath + "/phase", Map.of()).body()).isEqualTo("ABORTED");
    }

    private String waitForEnd(String jobPath) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String phase;
        do {
            Thread.sleep(100);
            phase = get(jobPath + "/phase", Map.of()).body();
        } while (!List.of("COMPLETED", "ERROR", "ABORTED").contains(phase) && Instant.now().isBefore(deadline));
        return phase;
    }
}
