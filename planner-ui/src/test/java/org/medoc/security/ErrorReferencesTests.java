package org.medoc.security;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Error bodies tell callers what they can act on and nothing about the server's internals. */
class ErrorReferencesTests {

    private final ErrorReferences errors = new ErrorReferences();
    private final ErrorAttributeOptions withMessage = ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE);

    private Map<String, Object> attributesFor(int status, Exception error) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/observations/7");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        return errors.getErrorAttributes(new ServletWebRequest(request), withMessage);
    }

    @Test
    void anUnhandledErrorBodyNamesNoSqlButAReferenceFoundInTheLog() {
        Map<String, Object> body = attributesFor(500, new IllegalStateException(
                "jOOQ; bad SQL grammar [select \"archive\".\"observation\".\"id\" from \"archive\".\"observation\"]"));

        assertThat(body.get("status")).isEqualTo(500);
        assertThat(body.toString()).doesNotContain("select", "archive", "jOOQ");
        assertThat((String) body.get("reference")).matches("[0-9a-f-]{36}");
        assertThat((String) body.get("message")).contains((String) body.get("reference"));
    }

    @Test
    void aClientErrorKeepsTheMessageMedocWroteForTheCaller() {
        Map<String, Object> body = attributesFor(400, new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.BAD_REQUEST, "the file name must end in .fits"));

        assertThat((String) body.get("message")).contains("the file name must end in .fits");
        assertThat(body).doesNotContainKey("reference");
    }
}
