package org.medoc.security;

import org.medoc.security.oidc.OidcLogin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Four filter chains over one user store ({@link AppUserDetailsService}):
 * <ul>
 *   <li>the VO TAP service {@code /tap/**}: anonymous, stateless, without CSRF tokens ({@link #tapSecurity});</li>
 *   <li>the REST API and its OpenAPI documents: personal API tokens ({@code Authorization: Bearer}), pre-emptive
 *   HTTP Basic or the web UI's session, 401/403 answered as RFC 9457 problem details, never a redirect to the login
 *   page nor a Basic challenge; unsafe requests with a cookie or Basic credentials only from this site;</li>
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
    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};

    /**
     * The one authentication manager of all chains: user name and password (login form, HTTP Basic) and personal API
     * tokens, both behind the locks of {@link LoginThrottle}, and the OIDC sign-in when it is on ({@link OidcLogin}),
     * publishing the events {@link AuthenticationEvents} counts.
     */
    @Bean
    AuthenticationManager authenticationManager(AppUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
                                                ApiTokens tokens, AuthenticationEventPublisher events, ObjectProvider<OidcLogin> oidc) {
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(new ThrottledDaoAuthenticationProvider(users, encoder, throttle),
                new ApiTokenAuthenticationProvider(tokens, users, throttle)));
        oidc.ifAvailable(login -> providers.add(login.authenticationProvider()));
        ProviderManager manager = new ProviderManager(providers);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems, AuthenticationManager authentication,
                                    AccountProperties properties, ObjectProvider<SecurityContextHolderStrategy> strategies)
            throws Exception {
        // the strategy HttpSecurity gives its own filters (Vaadin registers one): ours must read and write the same
        SecurityContextHolderStrategy contexts = strategies.getIfUnique(SecurityContextHolder::getContextHolderStrategy);
        http.securityMatcher(API_PATHS)
                .authenticationManager(authentication)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/admin", "/api/v1/admin/**").hasRole(Role.ADMIN.name())
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
                        .requestMatchers(HttpMethod.POST, "/api/v1/product-runs", "/api/v1/product-runs/**",
                                "/api/v1/product-campaigns", "/api/v1/product-campaigns/**")
                                .hasAnyRole(Role.ARCHIVIST.name(), Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
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
                // HTTP Basic for scripts that send it pre-emptively; never challenged (see ProblemAuthenticationHandlers)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(authentication, problems, contexts), BasicAuthenticationFilter.class)
                .addFilterBefore(new SameOriginFilter(properties.trustedOrigins(), problems), CsrfFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems, contexts), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                // CSRF protects cookie-authenticated requests: a browser sends the session cookie on its own, so a
                // foreign page could make it POST with the user's rights; such requests - the web UI's - need the CSRF
                // token. A request without a session cookie rides on nobody's session: it authenticates itself (an API
                // token, which a browser never adds by itself, or HTTP Basic, which SameOriginFilter holds to this
                // site since browsers may have cached it) or acts anonymously, so scripts need no token dance.
                .csrf(csrf -> csrf.ignoringRequestMatchers(withoutSession(), ApiTokenAuthenticationFilter::hasBearerToken));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain releasePagesSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                             AuthenticationManager authentication) throws Exception {
        http.securityMatcher("/releases", "/releases/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/releases", "/releases/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/releases", "/releases/**").permitAll()
                        // every change to a release goes through the API or the Releases view, never through these pages
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
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

    /**
     * The VO TAP service {@code /tap/**} (org.medoc.archive.vo): anonymous reading, queries by GET and POST and
     * asynchronous jobs (UWS: POST, DELETE), for everyone. The service reads the catalogue as an anonymous visitor
     * whoever calls, so a forged cross-site request gains nothing and CSRF protection is off here, and only here:
     * VO clients (TOPCAT, pyvo, VESPA) POST without a session or a token. Sessions are never created or read.
     */
    @Bean
    @Order(0)
    SecurityFilterChain tapSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/tap", "/tap/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, "/tap", "/tap/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/tap", "/tap/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/tap/sync", "/tap/async", "/tap/async/**").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/tap/async/*").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new org.springframework.security.web.context.NullSecurityContextRepository()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static RequestMatcher withoutSession() {
        return request -> request.getRequestedSessionId() == null;
    }
}
