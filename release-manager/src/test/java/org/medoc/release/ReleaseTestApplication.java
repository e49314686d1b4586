package org.medoc.release;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The release manager with the archive on embedded PostgreSQL, for its tests, under the access rules the application
 * applies (planner-ui's SecurityConfiguration): public reading of /releases/** and GET /api/v1/releases/**, every
 * change for RELEASE_MANAGER only, CSRF kept for requests that carry a session.
 */
@SpringBootApplication(scanBasePackages = "org.medoc")
public class ReleaseTestApplication {

    public static final String PASSWORD = "secret";

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/releases", "/releases/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/releases", "/releases/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/releases", "/api/v1/releases/**").permitAll()
                        .requestMatchers("/api/v1/releases", "/api/v1/releases/**").hasRole("RELEASE_MANAGER")
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getRequestedSessionId() == null));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("manager").password("{noop}" + PASSWORD).roles("RELEASE_MANAGER").build(),
                User.withUsername("planner").password("{noop}" + PASSWORD).roles("PLANNER").build());
    }
}
