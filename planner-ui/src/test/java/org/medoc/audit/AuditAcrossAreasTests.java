package org.medoc.audit;

import org.junit.jupiter.api.Test;
import org.medoc.archive.access.AccessService;
import org.medoc.archive.access.Visibility.Access;
import org.medoc.ops.golf.GolfFixtures;
import org.medoc.ops.golf.alarm.Alarm;
import org.medoc.ops.golf.alarm.AlarmService;
import org.medoc.ops.golf.hk.Calibration;
import org.medoc.ops.golf.hk.HkCatalogueService;
import org.medoc.ops.golf.hk.HkImporter;
import org.medoc.ops.golf.hk.HkParameter;
import org.medoc.ops.golf.hk.Limits;
import org.medoc.ops.golf.anomaly.Anomaly;
import org.medoc.ops.golf.anomaly.AnomalyService;
import org.medoc.ops.golf.anomaly.AnomalyStatus;
import org.medoc.ops.golf.hk.HkImportReport;
import org.medoc.ops.golf.log.LogCategory;
import org.medoc.ops.golf.log.LogEntry;
import org.medoc.ops.golf.log.LogInput;
import org.medoc.ops.golf.log.OpsLogService;
import org.medoc.planner.bop.BopService;
import org.medoc.planner.period.ConstraintWindowRecord;
import org.medoc.planner.period.Period;
import org.medoc.planner.period.PeriodKind;
import org.medoc.planner.period.PeriodService;
import org.medoc.planner.PlanningFixtures;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.planner.icn.IcnCategory;
import org.medoc.planner.icn.IcnDetail;
import org.medoc.planner.icn.IcnService;
import org.medoc.planner.study.StudyDetail;
import org.medoc.planner.study.Studies;
import org.medoc.release.model.CatalogFormat;
import org.medoc.release.release.ReleaseService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of actions across the application's areas, each found in the audit trail with who, what and the values
 * before and after; and the admin API over real HTTP: ADMIN only, JSON pages and CSV.
 */
@PlanningIntegrationTest
class AuditAcrossAreasTests {

    private static final String PASSWORD = "test-demo-password";

    @Autowired AuditTrail audit;
    @Autowired AccessService access;
    @Autowired ReleaseService releases;
    @Autowired IcnService icns;
    @Autowired PlanningFixtures fixtures;
    @Autowired HkCatalogueService hk;
    @Autowired HkImporter hkImporter;
    @Autowired AlarmService alarms;
    @Autowired OpsLogService golfLog;
    @Autowired AnomalyService anomalies;
    @Autowired PeriodService periods;
    @Autowired BopService bops;
    @Autowired org.medoc.planner.studyset.StudySetService studySets;
    @Autowired org.medoc.planner.instrument.InstrumentConfigurationService instrument;
    @Autowired ApplicationEventPublisher events;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private List<AuditEvent> of(String objectType, String objectId) {
        return audit.search(new AuditQuery(null, null, null, null, objectType, objectId, null, AuditQuery.MAX_LIMIT)).events();
    }

    @Test
    @WithMockUser(username = "curator", roles = "ARCHIVIST")
    void theDemoIngestAndAnAccessChangeAreRecorded() {
        // the demo's files were ingested at start-up by the system; one of them gets a change of access, undone at
        // once, so that the catalogue the other tests of this context see is unchanged
        AuditEvent ingested = audit.search(new AuditQuery(null, null, AuditTrail.SYSTEM, "ingest.catalogued", "observation",
                null, null, 1)).events().getFirst();
        long id = Long.parseLong(ingested.objectId());

        Access previous = access.setAccess(id, Access.RESTRICTED, "under a data agreement");
        access.setAccess(id, previous, "agreement ended");

        List<AuditEvent> recorded = of("observation", ingested.objectId());
        assertThat(recorded).extracting(AuditEvent::action).containsSubsequence("access.changed", "access.changed", "ingest.catalogued");
        assertThat(recorded.get(0).actor()).isEqualTo("curator");
        assertThat(recorded.get(0).before()).isEqualTo("{\"access\": \"RESTRICTED\"}");
        assertThat(recorded.get(0).after()).isEqualTo("{\"access\": \"" + previous.name() + "\"}");
        assertThat(recorded.get(0).detail()).isEqualTo("agreement ended");
        assertThat(recorded.get(1).before()).isEqualTo("{\"access\": \"" + previous.name() + "\"}");
        assertThat(recorded.get(1).after()).isEqualTo("{\"access\": \"RESTRICTED\"}");
        assertThat(ingested.after()).contains("\"sha256\"");
    }

    @Test
    @WithMockUser(username = "rm", roles = "RELEASE_MANAGER")
    void aNewReleaseDraftIsRecorded() {
        String collection = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        releases.createDraft(new ReleaseService.NewDraft(collection, "Audit test", CatalogFormat.GENERIC, "1.0", null, null));

        assertThat(of("release", collection + "/1.0")).extracting(AuditEvent::action).contains("release.created");
        AuditEvent created = of("release", collection + "/1.0").stream()
                .filter(event -> event.action().equals("release.created")).findFirst().orElseThrow();
        assertThat(created.actor()).isEqualTo("rm");
        assertThat(created.before()).isNull();
        assertThat(created.after()).isEqualTo("{\"state\": \"DRAFT\"}");
    }

    @Test
    void anIcnDecisionIsRecordedWithTheApproverAndTheStatusChange() {
        IcnDetail icn = icns.create(new IcnService.IcnInput("Audit trail", "record decisions", IcnCategory.OTHER, null,
                List.of()), "alice");
        icn = icns.submit(icn.id(), icn.lockVersion(), "alice");
        icns.decide(icn.id(), icn.lockVersion(), "bob", "PLANNER", true, "fine");

        List<AuditEvent> recorded = of("icn", Long.toString(icn.id()));
        assertThat(recorded).extracting(AuditEvent::action).containsExactly("icn.approved", "icn.submitted", "icn.draft");
        assertThat(recorded.getFirst().actor()).isEqualTo("bob");
        assertThat(recorded.getFirst().before()).isEqualTo("{\"status\": \"SUBMITTED\"}");
        assertThat(recorded.getFirst().detail()).isEqualTo("fine");
    }

    @Test
    void aStudyApprovalIsRecordedWithTheApproverAndTheStatusChange() {
        StudyDetail approved = fixtures.approved(Studies.synoptic());

        assertThat(of("study", Long.toString(approved.study().id()))).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("study.approved");
            assertThat(event.actor()).isEqualTo("planner");
            assertThat(event.before()).isEqualTo("{\"status\": \"DRAFT\"}");
            assertThat(event.after()).isEqualTo("{\"status\": \"APPROVED\"}");
            assertThat(event.detail()).isEqualTo(approved.study().name());
        });
    }

    @Test
    void aGolfLimitChangeAndTheAcknowledgementOfTheAlarmItRaisesAreRecorded() {
        Instant start = GolfFixtures.freshYear();
        String mnemonic = GolfFixtures.parameter(hk, "AUDIT_T", Calibration.IDENTITY).mnemonic();
        hk.setLimits(mnemonic, start.minus(Duration.ofDays(1)), new Limits(null, 30.0, null, 35.0, null, 40.0),
                "golf-operator", "oven limits from the thermal model");
        hkImporter.importStream(GolfFixtures.stream(GolfFixtures.csv(mnemonic, start, Duration.ofMinutes(1), 20, 41)),
                mnemonic + ".csv", HkImporter.Format.CSV, "golf-operator", null);
        Alarm alarm = alarms.between(mnemonic, start, start.plus(Duration.ofDays(1))).getFirst();
        alarms.acknowledge(alarm.id(), "golf-operator", "heater cycling, watching");

        assertThat(of("hk-parameter", mnemonic)).extracting(AuditEvent::action).containsExactly("golf.limits-changed", "golf.parameter-created");
        assertThat(of("hk-parameter", mnemonic).getFirst()).satisfies(event -> {
            assertThat(event.actor()).isEqualTo("golf-operator");
            assertThat(event.after()).contains("\"criticalHigh\": 40.0");
            assertThat(event.detail()).isEqualTo("oven limits from the thermal model");
        });
        List<AuditEvent> alarmEvents = of("alarm", Long.toString(alarm.id()));
        assertThat(alarmEvents.getFirst().action()).isEqualTo("golf.alarm-acknowledged");
        assertThat(alarmEvents.getFirst().actor()).isEqualTo("golf-operator");
        assertThat(alarmEvents.getLast().action()).isEqualTo("golf.alarm-raised");
        assertThat(alarmEvents.getLast().actor()).isEqualTo(AuditTrail.SYSTEM);
    }

    @Test
    @WithMockUser(username = "golf-operator", roles = "GOLF_OPERATOR")
    void aGolfRecalibrationAnImportALogEntryItsApprovalAndAnAnomalysStepsAreRecorded() {
        Instant start = GolfFixtures.freshYear();
        HkParameter parameter = GolfFixtures.parameter(hk, "AUDIT_CAL", Calibration.IDENTITY);
        hk.update(parameter.mnemonic(), parameter.lockVersion(), new HkCatalogueService.ParameterInput(parameter.mnemonic(),
                parameter.description(), parameter.subsystem(), parameter.unit(), Calibration.polynomial(0.5, 2), 60));
        HkImportReport report = hkImporter.importStream(GolfFixtures.stream(GolfFixtures.csv(parameter.mnemonic(), start,
                Duration.ofMinutes(1), 1, 2, 3)), "audit.csv", HkImporter.Format.CSV, "golf-operator", null);
        LogEntry entry = golfLog.write(new LogInput(start, LogCategory.NOTE, "recalibrated after the ground test", null, null, null,
                null, null, null, true, "Recalibration"), "golf-operator");
        golfLog.approve(entry.id(), "golf-reviewer");
        Anomaly anomaly = anomalies.open(new AnomalyService.AnomalyInput("Audit anomaly", "drift", Anomaly.Severity.MINOR,
                "golf-operator", java.time.LocalDate.of(2100, 1, 1)), "golf-operator");
        anomalies.advance(anomaly.id(), anomaly.lockVersion(), AnomalyStatus.ANALYSING, "thermal", null);

        assertThat(of("hk-parameter", parameter.mnemonic()).getFirst()).satisfies(event -> {
            assertThat(event.action()).isEqualTo("golf.calibration-changed");
            assertThat(event.actor()).isEqualTo("golf-operator");
            assertThat(event.before()).contains("\"calibration\": \"identity\"");
            assertThat(event.after()).contains("\"calibration\": \"" + Calibration.polynomial(0.5, 2).describe() + "\"");
        });
        assertThat(of("hk-import", report.sha256())).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("golf.hk-imported");
            assertThat(event.actor()).isEqualTo("golf-operator");
            assertThat(event.after()).contains("\"samplesAdded\": 3").contains("\"fileName\": \"audit.csv\"");
        });
        assertThat(of("log-entry", Long.toString(entry.id()))).extracting(AuditEvent::action, AuditEvent::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("golf.log-approved", "golf-reviewer"),
                        org.assertj.core.groups.Tuple.tuple("golf.log-written", "golf-operator"));
        List<AuditEvent> anomalyEvents = of("anomaly", Long.toString(anomaly.id()));
        assertThat(anomalyEvents).extracting(AuditEvent::action).containsExactly("golf.anomaly-analysing", "golf.anomaly-opened");
        assertThat(anomalyEvents.getFirst().before()).contains("\"status\": \"OPEN\"");
        assertThat(anomalyEvents.getFirst().after()).contains("\"status\": \"ANALYSING\"").contains("\"rootCause\": \"thermal\"");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void planningPeriodConstraintWindowAndBopEditsAreRecorded() {
        int number = 9000 + (int) Math.floorMod(System.nanoTime(), 900_000L);
        Period period = periods.create(new PeriodService.PeriodInput(PeriodKind.VSTP, number, Instant.parse("2150-01-01T00:00:00Z"),
                Instant.parse("2150-01-08T00:00:00Z"), null, null, null, "first notes"));
        periods.update(period.id(), period.lockVersion(), null, null, null, "second notes");
        ConstraintWindowRecord window = periods.addConstraint("MANUAL", "OTHER", null, Instant.parse("2150-01-02T00:00:00Z"),
                Instant.parse("2150-01-02T06:00:00Z"), "audit window");
        periods.deleteConstraint(window.id());
        String code = "AUD" + number;
        bops.create(code, "Audit block", "audit", "planner");

        List<AuditEvent> periodEvents = of("planning-period", period.label());
        assertThat(periodEvents).extracting(AuditEvent::action).containsExactly("period.updated", "period.created");
        assertThat(periodEvents.getFirst().actor()).isEqualTo("planner");
        assertThat(periodEvents.getFirst().before()).contains("\"notes\": \"first notes\"");
        assertThat(periodEvents.getFirst().after()).contains("\"notes\": \"second notes\"");
        List<AuditEvent> windowEvents = of("constraint-window", Long.toString(window.id()));
        assertThat(windowEvents).extracting(AuditEvent::action).containsExactly("constraint.deleted", "constraint.added");
        assertThat(windowEvents.getFirst().before()).contains("\"description\": \"audit window\"");
        assertThat(windowEvents.getFirst().after()).isNull();
        assertThat(of("bop", code)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("bop.created");
            assertThat(event.actor()).isEqualTo("planner");
        });
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void studySetSoopTelemetryAllocationAndInstrumentEditsAreRecorded() {
        var study = fixtures.approved(org.medoc.planner.study.Studies.synoptic());
        var set = studySets.create(null, null, "audit set", "planner");
        set = studySets.addStudy(set.id(), set.lockVersion(), study.study().id(), 3);
        set = studySets.removeStudy(set.id(), set.lockVersion(), study.study().id());
        List<AuditEvent> setEvents = of("study-set", Integer.toString(set.setVersion()));
        assertThat(setEvents).extracting(AuditEvent::action)
                .containsExactly("studyset.study-removed", "studyset.study-added", "studyset.created");
        assertThat(setEvents.get(1).actor()).isEqualTo("planner");
        assertThat(setEvents.get(1).after()).contains("\"3\": \"" + study.study().name() + "\"");
        assertThat(setEvents.get(1).before()).as("the set before the study went in").doesNotContain(study.study().name());
        assertThat(setEvents.getFirst().before()).contains(study.study().name());
        assertThat(setEvents.getFirst().after()).doesNotContain(study.study().name());

        String soopName = "R_AUDIT_" + System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> periods.createSoop("Synoptics", null, null, "ANY", 1.0))
                .as("a name without its class is refused before the database's check").hasMessageContaining("I_, R_ or L_");
        long soop = periods.createSoop(soopName, "K-AUDIT", null, "DISK_CENTRE", 4.0);
        var instance = periods.addSoopInstance(soop, Instant.parse("2151-03-01T00:00:00Z"), Instant.parse("2151-03-01T04:00:00Z"),
                "audit run");
        assertThat(of("soop", soopName)).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("soop.created"));
        assertThat(of("soop-instance", Long.toString(instance.id()))).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("soop.instance-added");
            assertThat(e.after()).contains(soopName);
        });

        int number = 9000 + (int) Math.floorMod(System.nanoTime(), 900_000L);
        Period period = periods.create(new PeriodService.PeriodInput(PeriodKind.VSTP, number, Instant.parse("2151-01-01T00:00:00Z"),
                Instant.parse("2151-01-08T00:00:00Z"), null, null, null, null));
        periods.setAllocation(period.id(), 1_000_000L, "alloc-1.txt");
        periods.setAllocation(period.id(), 2_000_000L, "alloc-2.txt");
        List<AuditEvent> allocations = of("planning-period", period.label()).stream()
                .filter(e -> e.action().equals("allocation.set")).toList();
        assertThat(allocations).extracting(AuditEvent::detail).containsExactly("alloc-2.txt", "alloc-1.txt");
        assertThat(allocations.getFirst().before()).contains("1000000");
        assertThat(allocations.getFirst().after()).contains("2000000");

        var parameter = instrument.parameters().getFirst();
        var changed = instrument.updateParameter(parameter.name(), parameter.value() + 1, parameter.lockVersion());
        instrument.updateParameter(parameter.name(), parameter.value(), changed.lockVersion());
        List<AuditEvent> parameterEvents = of("instrument-parameter", parameter.name());
        assertThat(parameterEvents).hasSizeGreaterThanOrEqualTo(2);
        assertThat(parameterEvents.get(1).action()).isEqualTo("instrument.parameter-updated");
        assertThat(json.readTree(parameterEvents.get(1).after()).path("value").asDouble()).isEqualTo(parameter.value() + 1);
        assertThat(json.readTree(parameterEvents.getFirst().before()).path("value").asDouble()).isEqualTo(parameter.value() + 1);
        assertThat(json.readTree(parameterEvents.getFirst().after()).path("value").asDouble()).isEqualTo(parameter.value());
    }

    @Test
    void aRefusedLoginIsRecordedWithTheNameTriedAndTheCallersAddress() throws Exception {
        String name = "nobody-" + UUID.randomUUID();
        assertThat(send(get("/api/v1/me").header("Authorization", basic(name, "wrong"))).statusCode()).isEqualTo(401);

        assertThat(of("user", name)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("auth.login-failed");
            assertThat(event.actor()).isEqualTo(AuditTrail.ANONYMOUS);
            assertThat(event.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(event.detail()).doesNotContain("wrong");
        });
    }

    @Test
    void aLoginOnTheLoginPageIsRecordedUnderTheUsersName() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the login page carries the CSRF token").isTrue();
        String form = "username=planner&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        assertThat(audit.search(new AuditQuery(null, null, "planner", "auth.login", "user", "planner", null, 10)).events())
                .first().satisfies(event -> assertThat(event.action()).isEqualTo("auth.login"));
    }

    @Test
    void aLoginIsRecordedUnderTheUsersName() {
        String name = "login-" + UUID.randomUUID();
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList("ROLE_PLANNER")), getClass()));

        assertThat(of("user", name)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("auth.login");
            assertThat(event.actor()).isEqualTo(name);
        });
    }

    @Test
    void theAuditApiIsForAdministratorsOnly() throws Exception {
        HttpResponse<String> anonymous = send(get("/api/v1/admin/audit"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(send(get("/api/v1/admin/audit").header("Authorization", basic("planner", PASSWORD))).statusCode()).isEqualTo(403);
        assertThat(send(get("/api/v1/admin/audit").header("Authorization", basic("archivist", PASSWORD))).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdministratorPagesThroughTheTrailWithFiltersAndACursor() throws Exception {
        String object = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            audit.recordAs("alice", "test.api-step" + i, "thing", object, null, null, null);
        }
        JsonNode first = json.readTree(send(get("/api/v1/admin/audit?objectId=" + object + "&action=test.api-&limit=2")
                .header("Authorization", basic("admin", PASSWORD))).body());
        assertThat(first.get("events")).extracting(event -> event.get("action").asString())
                .containsExactly("test.api-step2", "test.api-step1");
        long cursor = first.get("nextCursor").asLong();
        JsonNode second = json.readTree(send(get("/api/v1/admin/audit?objectId=" + object + "&limit=2&cursor=" + cursor)
                .header("Authorization", basic("admin", PASSWORD))).body());
        assertThat(second.get("events")).extracting(event -> event.get("action").asString()).containsExactly("test.api-step0");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aBadFilterIsAnswered400NamingTheParameter() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/admin/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")
                .header("Authorization", basic("admin", PASSWORD)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo("from");
    }

    @Test
    void theAuditApiExportsCsvByAcceptHeaderOrFormatParameter() throws Exception {
        String object = UUID.randomUUID().toString();
        audit.recordAs("alice", "test.csv", "thing", object, null, null, "a, b");
        String query = "/api/v1/admin/audit?objectId=" + URLEncoder.encode(object, StandardCharsets.UTF_8);

        HttpResponse<String> byHeader = send(get(query).header("Authorization", basic("admin", PASSWORD)).header("Accept", "text/csv"));
        HttpResponse<String> byFormat = send(get(query + "&format=csv").header("Authorization", basic("admin", PASSWORD)));

        for (HttpResponse<String> csv : List.of(byHeader, byFormat)) {
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("medoc-audit.csv"));
            String[] lines = csv.body().split("\r\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("id,at,actor,action,object_type,object_id");
            assertThat(lines[1]).contains(",alice,test.csv,thing," + object + ",,,\"a, b\",");
        }
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
