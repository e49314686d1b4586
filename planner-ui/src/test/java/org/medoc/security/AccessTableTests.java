package org.medoc.security;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach every route of the application: each REST route (every mapped method and path of every controller)
 * is called over real HTTP as an anonymous visitor and as each role's demo account, and each Vaadin view is checked
 * with Vaadin's own access rule for the same callers (plus a real anonymous visit). The expected answers are the
 * access table published in docs/security.md; a route missing from that table, or a table row without a route, fails.
 * {@code -Dmedoc.access-table.print=true} prints the observed table for a reviewed update of the document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTableTests {

    /** The callers, in the table's column order: anonymous, then one demo account per role. */
    static final List<String> CALLERS = List.of("anonymous", "PLANNER", "GOLF_OPERATOR", "RELEASE_MANAGER", "ARCHIVIST", "ADMIN");
    private static final Map<String, String> ACCOUNT = Map.of("PLANNER", "planner", "GOLF_OPERATOR", "golf-operator",
            "RELEASE_MANAGER", "release-manager", "ARCHIVIST", "archivist", "ADMIN", "admin");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?[^}]+}");
    private static final Pattern VIEW_PARAMETER = Pattern.compile(":[A-Za-z]+\\??(\\([^)]*\\))?\\*?");
    private static final Path DOCUMENT = Path.of("..", "docs", "security.md");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private ApiCalls calls;
    private final Map<String, List<Boolean>> observed = new TreeMap<>();

    @BeforeAll
    void observeEveryRoute() throws Exception {
        calls = new ApiCalls(port);
        // every authenticated call checks a bcrypt hash (deliberately slow, ~70 ms): the ~1000 calls one after the
        // other took over a minute, so the routes are called by a few threads at once; each route's answers stay
        // those of its own calls, and the decisions do not depend on the order of the calls
        Map<String, Future<List<Boolean>>> pending = new TreeMap<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
            for (String route : restRoutes()) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                pending.put(route, callers.submit(() -> {
                    List<Boolean> allowed = new ArrayList<>();
                    for (String caller : CALLERS) {
                        allowed.add(restAllows(method, sample(path), caller));
                    }
                    return allowed;
                }));
            }
            for (Map.Entry<String, Future<List<Boolean>>> route : pending.entrySet()) {
                observed.put(route.getKey(), route.getValue().get());
            }
        }
        for (Map.Entry<String, Class<?>> view : views().entrySet()) {
            List<Boolean> allowed = new ArrayList<>();
            for (String caller : CALLERS) {
                allowed.add(viewAllows(view.getValue(), caller));
            }
            observed.put("VIEW " + view.getKey(), allowed);
        }
        if (Boolean.getBoolean("medoc.access-table.print")) {
            StringBuilder table = new StringBuilder("| Method | Path | " + String.join(" | ", CALLERS) + " |\n|---|---|"
                    + "---|".repeat(CALLERS.size()) + "\n");
            observed.forEach((route, allowed) -> table.append("| ").append(route.replaceFirst(" ", " | `")).append("` | ")
                    .append(String.join(" | ", allowed.stream().map(a -> a ? "✓" : "·").toList())).append(" |\n"));
            System.out.println(table);
        }
    }

    @Test
    void everyRouteIsInThePublishedAccessTableAndEveryRowIsARoute() throws Exception {
        Map<String, List<Boolean>> documented = documented();
        assertThat(documented.keySet()).as("routes in docs/security.md's access table")
                .containsExactlyInAnyOrderElementsOf(observed.keySet());
    }

    @Test
    void everyCallerGetsExactlyTheAccessThePublishedTableGrants() throws Exception {
        Map<String, List<Boolean>> documented = documented();
        List<String> differences = new ArrayList<>();
        observed.forEach((route, allowed) -> {
            List<Boolean> expected = documented.get(route);
            if (expected != null && !expected.equals(allowed)) {
                for (int i = 0; i < CALLERS.size(); i++) {
                    if (!expected.get(i).equals(allowed.get(i))) {
                        differences.add(route + " as " + CALLERS.get(i) + ": expected "
                                + (expected.get(i) ? "allowed" : "refused") + ", was " + (allowed.get(i) ? "allowed" : "refused"));
                    }
                }
            }
        });
        assertThat(differences).isEmpty();
    }

    @Test
    void anonymousVisitorsReachOnlyReadingRoutesAndNoStaffScreen() {
        observed.forEach((route, allowed) -> {
            if (allowed.getFirst()) {
                assertThat(route).as("anonymous may only read, query the VO service, ask for bulk downloads or sign in")
                        .matches("(GET|HEAD|VIEW) .*|POST /api/v1/downloads|POST /tap/.*|DELETE /tap/async/.*");
            }
        });
    }

    /** Every mapped method and path of the application's controllers, as "METHOD /path". */
    private Set<String> restRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue;
                    }
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        routes.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return routes;
    }

    /** Every Vaadin view by its route template (and aliases). */
    private static Map<String, Class<?>> views() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> views = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.medoc.ui")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            views.put("/" + view.getAnnotation(Route.class).value(), view);
            for (RouteAlias alias : view.getAnnotationsByType(RouteAlias.class)) {
                views.put("/" + alias.value(), view);
            }
        }
        return views;
    }

    private static String sample(String path) {
        return VARIABLE.matcher(path).replaceAll("0").replace("/**", "/0");
    }

    /** Whether the caller passes security: anything but 401 and 403 (404 and 400 for the sample values are fine). */
    private boolean restAllows(String method, String path, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(calls.origin() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (!caller.equals("anonymous")) {
            request.header("Authorization", ApiCalls.basic(ACCOUNT.get(caller), ApiCalls.DEMO_PASSWORD));
        }
        HttpResponse<String> response = calls.send(request);
        int status = response.statusCode();
        if (status == 302 && response.headers().firstValue("Location").orElse("").contains("/login")) {
            return false;
        }
        return status != 401 && status != 403;
    }

    /** Vaadin's own decision for the view, as its navigation access control takes it. */
    private static boolean viewAllows(Class<?> view, String caller) {
        Principal principal = caller.equals("anonymous") ? null : () -> ACCOUNT.get(caller);
        return new AccessAnnotationChecker().hasAccess(view, principal, role -> role.equals(caller));
    }

    /** The access table of docs/security.md: "METHOD /path" → allowed per caller (✓ allowed, · refused). */
    private static Map<String, List<Boolean>> documented() throws Exception {
        Map<String, List<Boolean>> table = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOCUMENT)) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Access table");
                continue;
            }
            if (!inTable || !line.startsWith("| ") || line.startsWith("| Method") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            String route = cells[0].strip() + " " + cells[1].strip().replace("`", "");
            List<Boolean> allowed = new ArrayList<>();
            for (int i = 2; i < 2 + CALLERS.size(); i++) {
                allowed.add(cells[i].strip().equals("✓"));
            }
            table.put(route, allowed);
        }
        return table;
    }
}
