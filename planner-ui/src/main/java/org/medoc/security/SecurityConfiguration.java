package org.medoc.security;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains over one user store ({@link AppUserDetailsService}):
 * <ul>
 *   <li>the REST API and its OpenAPI documents: HTTP Basic or the web UI's session, 401/403 answered as
 *   RFC 9457 problem details, never a redirect to the login page;</li>
 *   <li>the public release pages {@code /releases/**} (server-rendered HTML, files and packages): GET and HEAD for
 *   everyone, nothing else; a logged-in release manager's session lets them preview drafts there. A chain of its own
 *   so that Vaadin's chain, which matches every path, never sends a crawler or a citation manager to the login
 *   page;</li>
 *   <li>everything else: the Vaadin UI, whose chain the UI declares itself ({@code org.medoc.ui.login.UiSecurityConfiguration}:
 *   login view, logout, view access control from {@code @AnonymousAllowed}/{@code @PermitAll}/{@code @RolesAllowed}),
 *   so that security does not depend on the views that depend on it.</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
// batch commands (medoc ingest ...) run without a web server, and so without web security
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** Paths served by the API chain; the rest belongs to the UI chain. */
    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/api/v1/observations", "/api/v1/observations/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/observations", "/api/v1/observations/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/downloads").permitAll()
                        // what can be searched (vocabularies for clients): public, and filtered to what the caller may see
                        .requestMatchers(HttpMethod.GET, "/api/v1/capabilities").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/capabilities").permitAll()
                        // releases: public reading (drafts are filtered out by the service for non-managers)
                        .requestMatchers(HttpMethod.GET, "/api/v1/releases", "/api/v1/releases/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/releases", "/api/v1/releases/**").permitAll()
                        .requestMatchers("/api/v1/releases", "/api/v1/releases/**").hasRole(Role.RELEASE_MANAGER.name())
                        // products are public like observations; their runs are for staff, retries and reprocessing
                        // for those who look after the archive
                        .requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/products", "/api/v1/products/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/product-types", "/api/v1/product-types/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/product-runs", "/api/v1/product-runs/**")
                                .hasAnyRole(Role.ARCHIVIST.name(), Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/v1/admin/audit", "/api/v1/admin/audit/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingest", "/api/v1/ingest/**").hasRole(Role.ARCHIVIST.name())
                        .requestMatchers("/api/v1/quarantine", "/api/v1/quarantine/**").hasRole(Role.ARCHIVIST.name())
                        // SPICE planning: everybody logged in reads, PLANNER changes, ADMIN edits the instrument reference data
                        .requestMatchers(HttpMethod.GET, "/api/v1/planning/**").authenticated()
                        .requestMatchers("/api/v1/planning/instrument/**").hasRole(Role.ADMIN.name())
                        // an ICN is approved by someone other than its author: another planner or an administrator
                        .requestMatchers(HttpMethod.POST, "/api/v1/planning/icns/*/decision").hasAnyRole(Role.PLANNER.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/planning/**").hasRole(Role.PLANNER.name())
                        // GOLF operations: staff read (all accounts are staff), GOLF operators and administrators act
                        .requestMatchers(HttpMethod.GET, "/api/v1/ops/golf/**").authenticated()
                        .requestMatchers("/api/v1/ops/golf/**").hasAnyRole(Role.GOLF_OPERATOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationHandlers.REALM)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // CSRF protects cookie-authenticated requests: a browser sends the session cookie on its own, so a
                // foreign page could make it POST with the user's rights. A request that carries no session cookie
                // cannot ride on anyone's session; it authenticates itself (HTTP Basic) or acts anonymously, so a
                // forged request gains nothing and stateless scripts (curl, Python) need no token dance. Requests that
                // do carry a session - the web UI's - keep full CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers(withoutSession()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain releasePagesSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.securityMatcher("/releases", "/releases/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/releases", "/releases/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/releases", "/releases/**").permitAll()
                        // every change to a release goes through the API or the Releases view, never through these pages
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationHandlers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** The public GOLF chronology (HTML and Atom): read by anyone, never changed through these paths. */
    @Bean
    @Order(2)
    SecurityFilterChain golfChronologySecurity(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.securityMatcher("/ops/golf/chronology", "/ops/golf/chronology.atom")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/ops/golf/chronology", "/ops/golf/chronology.atom").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/ops/golf/chronology", "/ops/golf/chronology.atom").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    private static RequestMatcher withoutSession() {
        return request -> request.getRequestedSessionId() == null;
    }
}
