package org.medoc.planner.api;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.export.Csv;
import org.medoc.planner.export.TimelineExports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning API over real HTTP: access rules, JSON shape of a study, optimistic-lock conflicts as 409 problems, rule
 * violations as 422 problems with findings, and a planner's journey from study to exported timeline, each export
 * parsed back.
 */
@PlanningIntegrationTest
class PlanningApiTests {

    private static final String PASSWORD = "test-demo-password";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static Map<String, Object> synopticRequest(String variant) {
        return Map.of("nameVariant", variant, "category", "SYNOPTIC", "type", "RASTER", "slitArcsec", 4, "positions", 192,
                "stepArcsec", 4, "exposureSeconds", 60, "yFieldOfView", "FULL_FIELD",
                "windows", List.of(Map.of("lineId", 5, "widthPx", 32), Map.of("lambdaPxStart", 1700, "widthPx", 32, "name", "O VI 1032")));
    }

    @Test
    void anonymousUsersSeeNothingOfPlanning() throws Exception {
        for (String path : List.of("/api/v1/planning/studies", "/api/v1/planning/periods", "/api/v1/planning/icns", "/api/v1/planning/bops")) {
            HttpResponse<String> response = send("GET", path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        }
    }

    @Test
    void everybodyLoggedInReadsButOnlyPlannersWrite() throws Exception {
        assertThat(send("GET", "/api/v1/planning/studies", "archivist", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/planning/lines", "golf-operator", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/planning/studies", "archivist", synopticRequest("RO")).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/v1/planning/instrument/parameters/min_exposure_s", "planner", Map.of("value", 0.2, "lockVersion", 0))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aStudyInJsonCarriesItsIdentityEstimateAndFindings() throws Exception {
        String variant = PlanningFixtures.uniqueVariant();
        JsonNode study = ok(send("POST", "/api/v1/planning/studies", "planner", synopticRequest(variant)), 201);
        assertThat(study.get("id").asLong()).isPositive();
        assertThat(study.get("name").asString()).isEqualTo("SCI_SYNOPTIC-" + variant + "_SC_SL04_60.0S_FF");
        assertThat(study.get("version").asInt()).isEqualTo(1);
        assertThat(study.get("type").asString()).isEqualTo("RASTER");
        assertThat(study.get("slitArcsec").asDouble()).isEqualTo(4.0);
        assertThat(study.get("durationSeconds").asDouble()).isEqualTo(11520.0);
        assertThat(study.get("rawVolumeBits").asLong()).isEqualTo(2L * 192 * 830 * 32 * 16);
        assertThat(study.get("compressedVolumeBits").asLong()).isEqualTo(Math.round(2.0 * 192 * 830 * 32 * 16 / 9.85));
        assertThat(study.get("xFovWidthArcsec").asDouble()).isEqualTo(768.0);
        JsonNode finding = study.get("findings").get(0);
        assertThat(finding.has("severity")).isTrue();
        assertThat(finding.has("rule")).isTrue();
        assertThat(finding.has("message")).isTrue();
        // the window picked by line 5 of the seeded list (Ne VIII 77.04 nm) lands on SW
        JsonNode window = study.get("windows").get(0);
        assertThat(window.get("detector").asString()).isEqualTo("SW");
        assertThat(window.get("name").asString()).isEqualTo("Ne VIII 77.04 nm");
    }

    @Test
    void aStaleLockVersionIsA409ProblemAndAMissingOneA400() throws Exception {
        JsonNode study = ok(send("POST", "/api/v1/planning/studies", "planner", synopticRequest(PlanningFixtures.uniqueVariant())), 201);
        String path = "/api/v1/planning/studies/" + study.get("id").asLong();
        Map<String, Object> change = new java.util.HashMap<>(synopticRequest("X"));
        change.put("name", study.get("name").asString());
        change.put("exposureSeconds", 30);
        change.put("lockVersion", study.get("lockVersion").asInt());
        JsonNode saved = ok(send("PUT", path, "planner", change), 200);
        assertThat(saved.get("durationSeconds").asDouble()).isEqualTo(5760.0);
        HttpResponse<String> stale = send("PUT", path, "planner", change);
        JsonNode problem = ok(stale, 409);
        assertThat(problem.get("title").asString()).isEqualTo("Edit conflict");
        assertThat(problem.get("detail").asString()).contains("changed by someone else");
        change.remove("lockVersion");
        assertThat(ok(send("PUT", path, "planner", change), 400).get("parameter").asString()).isEqualTo("lockVersion");
    }

    @Test
    void approvalOfAStudyWithErrorsIsA422WithItsFindingsAndEditingAnApprovedStudyMakesRevision2() throws Exception {
        Map<String, Object> tooWide = new java.util.HashMap<>(synopticRequest(PlanningFixtures.uniqueVariant()));
        tooWide.put("positions", 400);
        JsonNode bad = ok(send("POST", "/api/v1/planning/studies", "planner", tooWide), 201);
        JsonNode problem = ok(send("POST", "/api/v1/planning/studies/" + bad.get("id").asLong() + "/approve", "planner",
                Map.of("lockVersion", bad.get("lockVersion").asInt())), 422);
        assertThat(problem.get("findings").get(0).get("rule").asString()).isEqualTo("S2");

        JsonNode good = ok(send("POST", "/api/v1/planning/studies", "planner", synopticRequest(PlanningFixtures.uniqueVariant())), 201);
        JsonNode approved = ok(send("POST", "/api/v1/planning/studies/" + good.get("id").asLong() + "/approve", "planner",
                Map.of("lockVersion", good.get("lockVersion").asInt())), 200);
        assertThat(approved.get("misoId").asInt()).isGreaterThan(3000);
        Map<String, Object> change = new java.util.HashMap<>(synopticRequest("X"));
        change.put("name", approved.get("name").asString());
        change.put("lockVersion", approved.get("lockVersion").asInt());
        JsonNode revision = ok(send("PUT", "/api/v1/planning/studies/" + approved.get("id").asLong(), "planner", change), 201);
        assertThat(revision.get("version").asInt()).isEqualTo(2);
        assertThat(revision.get("status").asString()).isEqualTo("DRAFT");
        JsonNode clone = ok(send("POST", "/api/v1/planning/studies/" + approved.get("id").asLong() + "/clone", "planner", null), 201);
        assertThat(clone.get("name").asString()).contains("-COPY");
    }

    @Test
    void aPlannerPlansAnStpAndExportsItsTimeline() throws Exception {
        // a study, approved
        JsonNode draft = ok(send("POST", "/api/v1/planning/studies", "planner", synopticRequest(PlanningFixtures.uniqueVariant())), 201);
        long studyId = draft.get("id").asLong();
        JsonNode study = ok(send("POST", "/api/v1/planning/studies/" + studyId + "/approve", "planner",
                Map.of("lockVersion", draft.get("lockVersion").asInt())), 200);
        // a study set holding it, uploaded for a fresh STP, with its ICN approved by someone else
        int stpNumber = PlanningFixtures.nextStpNumber();
        JsonNode stp = ok(send("POST", "/api/v1/planning/periods", "planner", Map.of("kind", "STP", "number", stpNumber, "mibVersion", "MIB-T")), 201);
        long stpId = stp.get("id").asLong();
        JsonNode set = ok(send("POST", "/api/v1/planning/study-sets", "planner", Map.of("notes", "api test")), 201);
        set = ok(send("POST", "/api/v1/planning/study-sets/" + set.get("id").asLong() + "/studies", "planner",
                Map.of("lockVersion", set.get("lockVersion").asInt(), "studyId", studyId)), 200);
        JsonNode icn = ok(send("POST", "/api/v1/planning/icns", "planner", Map.of("title", "Upload set", "rationale", "api test",
                "category", "STUDY_SET_UPLOAD", "effectiveStp", stpNumber,
                "affected", List.of(Map.of("kind", "STUDY_SET", "id", set.get("id").asLong())))), 201);
        icn = ok(send("POST", "/api/v1/planning/icns/" + icn.get("id").asLong() + "/submit", "planner", Map.of("lockVersion", icn.get("lockVersion").asInt())), 200);
        JsonNode selfApproval = ok(send("POST", "/api/v1/planning/icns/" + icn.get("id").asLong() + "/decision", "planner",
                Map.of("lockVersion", icn.get("lockVersion").asInt(), "decision", "APPROVED")), 422);
        assertThat(selfApproval.get("findings").get(0).get("rule").asString()).isEqualTo("C1");
        // the role a decision is recorded under is the decider's own, never one the request claims
        JsonNode claimedRole = ok(send("POST", "/api/v1/planning/icns/" + icn.get("id").asLong() + "/decision", "admin",
                Map.of("lockVersion", icn.get("lockVersion").asInt(), "decision", "APPROVED", "role", "SOC_DIRECTOR")), 400);
        assertThat(claimedRole.get("detail").asString()).contains("SOC_DIRECTOR");
        icn = ok(send("POST", "/api/v1/planning/icns/" + icn.get("id").asLong() + "/decision", "admin",
                Map.of("lockVersion", icn.get("lockVersion").asInt(), "decision", "APPROVED", "comment", "ok")), 200);
        assertThat(icn.get("status").asString()).isEqualTo("APPROVED");
        assertThat(icn.get("decisions").get(0).get("role").asString()).isEqualTo("ADMIN");
        set = ok(send("POST", "/api/v1/planning/study-sets/" + set.get("id").asLong() + "/upload", "planner",
                Map.of("lockVersion", set.get("lockVersion").asInt(), "effectiveFromStp", stpNumber)), 200);
        assertThat(set.get("findings")).isEmpty();
        ok(send("PUT", "/api/v1/planning/periods/" + stpId + "/allocation", "planner", Map.of("allocatedBits", 50_000_000L)), 200);

        // the study placed twice, overlapping: T1 reported on the second placement
        Instant day = Instant.parse(stp.get("start").asString()).plusSeconds(86_400);
        JsonNode first = ok(send("POST", "/api/v1/planning/periods/" + stpId + "/timeline", "planner",
                Map.of("studyId", studyId, "start", day.toString(), "rasters", 1)), 201);
        JsonNode second = ok(send("POST", "/api/v1/planning/periods/" + stpId + "/timeline", "planner",
                Map.of("studyId", studyId, "start", day.plusSeconds(3600).toString(), "rasters", 1)), 201);
        assertThat(rules(second.get("findings"))).contains("T1");
        // fixed by moving it after the first
        JsonNode fixed = ok(send("PUT", "/api/v1/planning/timeline/" + second.get("entry").get("id").asLong(), "planner",
                Map.of("lockVersion", second.get("entry").get("lockVersion").asInt(), "studyId", studyId,
                        "start", day.plusSeconds(11_520).toString(), "rasters", 1)), 200);
        assertThat(rules(fixed.get("findings"))).doesNotContain("T1");
        JsonNode view = ok(send("GET", "/api/v1/planning/periods/" + stpId + "/timeline", "archivist", null), 200);
        assertThat(view.get("entries")).hasSize(2);
        assertThat(view.get("budget").get("usedBits").asLong()).isEqualTo(2 * study.get("compressedVolumeBits").asLong());
        for (JsonNode entry : view.get("entries")) {
            assertThat(rules(entry.get("findings"))).doesNotContain("T1", "T2", "B3");
        }
        assertThat(rules(view.get("periodFindings"))).doesNotContain("B4");

        // CSV, parsed back
        HttpResponse<String> csv = send("GET", "/api/v1/planning/periods/" + stpId + "/timeline.csv", "planner", null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.getFirst()).isEqualTo(TimelineExports.CSV_COLUMNS);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(2)).isEqualTo(day.toString());
        assertThat(rows.get(2).get(2)).isEqualTo(day.plusSeconds(11_520).toString());
        assertThat(rows.get(1).get(7)).isEqualTo(study.get("name").asString());
        assertThat(rows.get(1).get(6)).isEqualTo(study.get("misoId").asString());
        assertThat(rows.get(1).get(14)).doesNotContain("T1");

        // JSON
        JsonNode exported = ok(send("GET", "/api/v1/planning/periods/" + stpId + "/timeline.json", "planner", null), 200);
        assertThat(exported.get("period").get("number").asInt()).isEqualTo(stpNumber);
        assertThat(exported.get("entries").get(1).get("entry").get("start").asString()).isEqualTo(day.plusSeconds(11_520).toString());

        // iCalendar, parsed back (unfolded)
        String ics = send("GET", "/api/v1/planning/periods/" + stpId + "/timeline.ics", "planner", null).body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        String unfolded = ics.replace("\r\n ", "");
        List<String> starts = values(unfolded, "DTSTART");
        assertThat(starts).containsExactly(TimelineExportsTestSupport.ics(day), TimelineExportsTestSupport.ics(day.plusSeconds(11_520)));
        assertThat(values(unfolded, "DTEND").getFirst()).isEqualTo(TimelineExportsTestSupport.ics(day.plusSeconds(11_520)));
        assertThat(values(unfolded, "SUMMARY").getFirst()).isEqualTo("SPICE " + study.get("name").asString());
        assertThat(ics.lines().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length)).allMatch(length -> length <= 75);

        // ITL, parsed back
        String itl = send("GET", "/api/v1/planning/periods/" + stpId + "/timeline.itl", "planner", null).body();
        assertThat(itl).contains("# Study set: flt").contains("MIB MIB-T");
        Pattern line = Pattern.compile("^(\\S+)\\s+SPICE\\s+(OBS_START|OBS_END)\\s+(\\S+)(?:\\s+\\(MISOSTUD = (\\d+) NRASTERS = (\\d+) ENTRY = (\\d+)\\))?$");
        List<String[]> events = new ArrayList<>();
        for (String text : itl.lines().filter(l -> !l.startsWith("#") && !l.startsWith("Version")).toList()) {
            Matcher m = line.matcher(text);
            assertThat(m.matches()).as(text).isTrue();
            events.add(new String[]{m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        assertThat(events).hasSize(4);
        assertThat(Instant.parse(events.get(0)[0])).isEqualTo(day);
        assertThat(events.get(0)[1]).isEqualTo("OBS_START");
        assertThat(events.get(0)[3]).isEqualTo(study.get("misoId").asString());
        assertThat(Instant.parse(events.get(1)[0])).isEqualTo(day.plusSeconds(11_520));

        // telemetry budget, parsed back
        List<List<String>> budget = Csv.parse(send("GET", "/api/v1/planning/periods/" + stpId + "/telemetry.csv", "planner", null).body());
        assertThat(budget.getFirst()).isEqualTo(TimelineExports.BUDGET_COLUMNS);
        List<String> total = budget.stream().filter(r -> r.get(1).equals("TOTAL")).findFirst().orElseThrow();
        assertThat(Long.parseLong(total.get(4))).isEqualTo(2 * study.get("compressedVolumeBits").asLong());
        List<String> margin = budget.stream().filter(r -> r.get(1).equals("MARGIN")).findFirst().orElseThrow();
        assertThat(Long.parseLong(margin.get(4))).isEqualTo(50_000_000L - 2 * study.get("compressedVolumeBits").asLong());

        // predicted keywords
        JsonNode keywords = ok(send("GET", "/api/v1/planning/periods/" + stpId + "/keywords.json", "planner", null), 200);
        assertThat(keywords).hasSize(2);
        assertThat(keywords.get(0).get("misostud").asInt()).isEqualTo(study.get("misoId").asInt());
        assertThat(keywords.get(0).get("study").asString()).isEqualTo(study.get("name").asString());
        assertThat(keywords.get(0).get("nrasters").asInt()).isEqualTo(1);
        assertThat(keywords.get(0).get("stp").asInt()).isEqualTo(stpNumber);
        assertThat(keywords.get(0).get("soopname").asString()).isEqualTo("None");
        assertThat(keywords.get(0).get("studyId").asInt()).isZero();
        assertThat(keywords.get(0).get("studytyp").asString()).isEqualTo("Raster");
        List<List<String>> keywordRows = Csv.parse(send("GET", "/api/v1/planning/periods/" + stpId + "/keywords.csv", "planner", null).body());
        assertThat(keywordRows.getFirst()).contains("MISOSTUD", "STUDY", "NRASTERS", "SOOPNAME", "STP");
        assertThat(keywordRows).hasSize(3);

        // study set XML, parsed back
        String xml = send("GET", "/api/v1/planning/study-sets/" + set.get("id").asLong() + "/export.xml", "planner", null).body();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("setVersion")).isEqualTo(set.get("setVersion").asString());
        assertThat(root.getAttribute("effectiveFromStp")).isEqualTo(Integer.toString(stpNumber));
        NodeList studies = root.getElementsByTagName("study");
        assertThat(studies.getLength()).isEqualTo(1);
        assertThat(((Element) studies.item(0)).getAttribute("misoStud")).isEqualTo(study.get("misoId").asString());
        assertThat(((Element) studies.item(0)).getElementsByTagName("window").getLength()).isEqualTo(2);

        // study sheet
        HttpResponse<String> sheet = send("GET", "/api/v1/planning/studies/" + studyId + "/sheet.html", "planner", null);
        assertThat(sheet.body()).contains("<h1>" + study.get("name").asString() + "</h1>").contains("11520 s");
    }

    @Test
    void theOpenApiDocumentDescribesThePlanningApi() throws Exception {
        JsonNode doc = ok(send("GET", "/v3/api-docs", null, null), 200);
        assertThat(doc.get("paths").has("/api/v1/planning/studies")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/planning/periods/{stpId}/timeline")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/planning/icns/{id}/decision")).isTrue();
    }

    @Test
    void unknownItemsAre404Problems() throws Exception {
        JsonNode problem = ok(send("GET", "/api/v1/planning/studies/987654321", "planner", null), 404);
        assertThat(problem.get("detail").asString()).isEqualTo("no study 987654321");
        assertThat(ok(send("POST", "/api/v1/planning/studies", "planner", Map.of("type", "ZIGZAG", "slitArcsec", 4, "exposureSeconds", 5)), 400)
                .get("parameter").asString()).isEqualTo("type");
    }

    private static List<String> rules(JsonNode findings) {
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> {
            if (!f.get("severity").asString().equals("INFO")) {
                rules.add(f.get("rule").asString());
            }
        });
        return rules;
    }

    private static List<String> values(String ics, String property) {
        return ics.lines().filter(l -> l.startsWith(property + ":")).map(l -> l.substring(property.length() + 1)).toList();
    }

    /** iCalendar UTC date-time form. */
    static final class TimelineExportsTestSupport {
        static String ics(Instant instant) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(instant);
        }
    }
}
