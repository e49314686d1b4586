package org.medoc.products;

import org.medoc.products.dem.AiaChannelSets;
import org.medoc.products.chain.InputSummaryRecipe;
import org.medoc.products.chain.SyntheticSets;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;
import java.time.Instant;

/**
 * The products module with the archive beneath it, for its tests: real catalogue and chain on embedded PostgreSQL,
 * the access rules the application applies to the products API, and test recipes:
 * <ul>
 *   <li>{@code summary}: a FITS summary of each AIA six-channel set (the DEM chain's input rule);</li>
 *   <li>{@code bulk}: many input-less sets in 2001, for the two-scheduler test;</li>
 *   <li>{@code flaky}: input-less sets in 2002 whose failures the tests inject;</li>
 *   <li>{@code reprocess}, versions 1.0 and 2.0: input-less sets in 2003 for the reprocessing-campaign tests;</li>
 *   <li>{@code leased}: input-less sets in 2004 for the run-lease and recovery tests.</li>
 * </ul>
 */
@SpringBootApplication(scanBasePackages = {"org.medoc.archive", "org.medoc.audit", "org.medoc.products"})
public class ProductsTestApplication {

    public static final Instant BULK_START = Instant.parse("2001-01-01T00:00:00Z");
    public static final Instant FLAKY_START = Instant.parse("2002-01-01T00:00:00Z");
    public static final Instant REPROCESS_START = Instant.parse("2003-01-01T00:00:00Z");
    public static final Instant LEASED_START = Instant.parse("2004-01-01T00:00:00Z");

    @Bean
    InputSummaryRecipe summaryRecipe(AiaChannelSets demInputSets) {
        return new InputSummaryRecipe("summary", "1.0", demInputSets);
    }

    @Bean
    InputSummaryRecipe bulkRecipe() {
        return new InputSummaryRecipe("bulk", "1.0", new SyntheticSets(BULK_START, 40, Duration.ofMinutes(30)));
    }

    @Bean
    InputSummaryRecipe flakyRecipe() {
        return new InputSummaryRecipe("flaky", "1.0", new SyntheticSets(FLAKY_START, 4, Duration.ofMinutes(30)));
    }

    @Bean
    InputSummaryRecipe reprocessRecipe() {
        return new InputSummaryRecipe("reprocess", "1.0", new SyntheticSets(REPROCESS_START, 200, Duration.ofMinutes(30)));
    }

    @Bean
    InputSummaryRecipe reprocessRecipeVersion2() {
        return new InputSummaryRecipe("reprocess", "2.0", new SyntheticSets(REPROCESS_START, 200, Duration.ofMinutes(30)));
    }

    @Bean
    InputSummaryRecipe leasedRecipe() {
        return new InputSummaryRecipe("leased", "1.0", new SyntheticSets(LEASED_START, 6, Duration.ofMinutes(30)));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/observations/**", "/api/v1/products", "/api/v1/products/**",
                                "/api/v1/product-types", "/api/v1/product-types/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/products/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/product-runs").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/product-runs", "/api/v1/product-runs/**",
                                "/api/v1/product-campaigns", "/api/v1/product-campaigns/**").hasAnyRole("ARCHIVIST", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("archivist").password("{noop}secret").roles("ARCHIVIST").build(),
                User.withUsername("planner").password("{noop}secret").roles("PLANNER").build());
    }
}
