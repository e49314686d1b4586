package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Demo mode's staff accounts, one per role, so a newcomer can log in to every area. Demo mode is
 * {@code medoc.demo}: on by default with the embedded database (no {@code spring.datasource.url}), off otherwise.
 * Missing accounts are created at start-up; existing ones are never touched, so a password someone changed stays
 * changed. The password is {@code medoc.demo.password} when set, else a random one that is logged once, when the
 * accounts are created (it is not stored anywhere in clear).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** User name → (full name, role). */
    static final Map<String, Map.Entry<String, Role>> ACCOUNTS = accounts();

    private final UserAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Environment environment;

    DemoAccounts(UserAccounts accounts, PasswordEncoder passwordEncoder, Environment environment) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.environment = environment;
    }

    /** Whether demo mode is on for this environment. */
    public static boolean enabled(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        boolean embedded = url == null || url.isBlank();
        return environment.getProperty("medoc.demo", Boolean.class, embedded);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled(environment)) {
            return;
        }
        List<String> missing = ACCOUNTS.keySet().stream().filter(name -> !accounts.exists(name)).toList();
        if (missing.isEmpty()) {
            log.info("Demo accounts exist already ({}); left unchanged", String.join(", ", ACCOUNTS.keySet()));
            return;
        }
        String configured = environment.getProperty("medoc.demo.password");
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? Secrets.password() : configured;
        String hash = passwordEncoder.encode(password);
        List<String> created = new ArrayList<>();
        for (String username : missing) {
            Map.Entry<String, Role> account = ACCOUNTS.get(username);
            if (accounts.createIfMissing(username, hash, account.getKey(), Set.of(account.getValue()))) {
                created.add(username);
            }
        }
        if (created.isEmpty()) {
            return;
        }
        if (generated) {
            String line = "=".repeat(78);
            log.warn("\n{}\n  medoc demo accounts created: {}\n  password for all of them (shown only this once): {}\n"
                            + "  set medoc.demo.password to choose it, or --medoc.demo=false to create none\n{}",
                    line, String.join(", ", created), password, line);
        } else {
            log.info("Demo accounts created with the password from medoc.demo.password: {}", String.join(", ", created));
        }
    }

    private static Map<String, Map.Entry<String, Role>> accounts() {
        Map<String, Map.Entry<String, Role>> accounts = new LinkedHashMap<>();
        accounts.put("archivist", Map.entry("Demo Archivist", Role.ARCHIVIST));
        accounts.put("planner", Map.entry("Demo Planner", Role.PLANNER));
        accounts.put("golf-operator", Map.entry("Demo GOLF Operator", Role.GOLF_OPERATOR));
        accounts.put("release-manager", Map.entry("Demo Release Manager", Role.RELEASE_MANAGER));
        accounts.put("admin", Map.entry("Demo Administrator", Role.ADMIN));
        return Collections.unmodifiableMap(accounts);
    }
}
