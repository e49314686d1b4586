package org.medoc.cli;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medoc.security.AccountService;
import org.medoc.security.Role;
import org.medoc.security.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code medoc users create-admin} makes an administrator with a one-time password, which must be changed before it
 * opens the API. On the shared application context (another context in the same JVM would take over Vaadin's global security-context strategy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UsersCommandTests {

    @Autowired UsersCommand command;
    @Autowired AccountService accounts;
    @Autowired DSLContext dsl;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.removeAll(dsl);
    }

    @LocalServerPort int port;

    private String run(int expectedStatus, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status").isEqualTo(expectedStatus);
        return out.toString(StandardCharsets.UTF_8);
    }

    private int me(String username, String password) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void createAdminPrintsAOneTimePasswordThatMustBeChangedBeforeUse() throws Exception {
        String output = run(0, "create-admin", "first-admin");
        Matcher password = Pattern.compile("One-time password \\(shown only now\\): (\\S+)").matcher(output);
        assertThat(password.find()).as(output).isTrue();
        assertThat(accounts.get("first-admin").roles()).containsExactly(Role.ADMIN);
        assertThat(accounts.passwordChangeRequired("first-admin")).isTrue();
        assertThat(me("first-admin", password.group(1))).isEqualTo(403);

        accounts.changeOwnPassword("first-admin", password.group(1), "the first administrator's own");
        assertThat(me("first-admin", "the first administrator's own")).isEqualTo(200);
    }

    @Test
    void createAdminRefusesATakenNameAndExplainsItsUsage() {
        run(0, "create-admin", "second-admin");
        assertThat(run(1, "create-admin", "second-admin")).contains("exists already");
        assertThat(run(2, "create-admin")).contains("usage: medoc users create-admin <name>");
        assertThat(run(2, "delete", "x")).contains("usage");
    }
}
