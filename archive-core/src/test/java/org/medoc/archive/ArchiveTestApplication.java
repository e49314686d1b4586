package org.medoc.archive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The archive module on its own, for its tests: the real catalogue on embedded PostgreSQL, with the access rules
 * the application applies to the archive API (anonymous search and download, ARCHIVIST for ingest).
 */
@SpringBootApplication(scanBasePackages = {"org.medoc.archive", "org.medoc.audit"})
public class ArchiveTestApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/observations/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/observations/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/downloads").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // the TAP service: anonymous, public data only (as in the application)
                        .requestMatchers("/tap", "/tap/**").permitAll()
                        .requestMatchers("/api/v1/ingest", "/api/v1/quarantine", "/api/v1/quarantine/**").hasRole("ARCHIVIST")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/tap/**"));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("archivist").password("{noop}secret").roles("ARCHIVIST").build(),
                User.withUsername("planner").password("{noop}secret").roles("PLANNER").build());
    }

    /**
     * The real sample files of the repository's testdata/fits: the build passes testdata's location as the system
     * property medoc.testdata; run outside Maven, testdata is looked for beside the module directory.
     */
    public static Path sampleFits() {
        String configured = System.getProperty("medoc.testdata");
        Path data = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../testdata");
        Path fits = data.resolve("fits").toAbsolutePath().normalize();
        if (!Files.isDirectory(fits)) {
            throw new IllegalStateException("sample data not found at " + fits
                    + ": run the tests from the repository (testdata/fits at its root) or set -Dmedoc.testdata");
        }
        return fits;
    }
}
