package org.medoc.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

import java.util.Map;
import java.util.UUID;

/**
 * The body of every error nobody handled (Spring Boot's {@code /error}): for 4xx the message medoc wrote for the
 * caller; for 5xx never the exception's message, which may quote SQL, file paths or stored values, but a reference
 * the operator finds in the log next to the full stack trace.
 */
@Component
public class ErrorReferences extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorReferences.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        // from the request, not from the attributes: the options may leave the status out of the body
        Object status = request.getAttribute("jakarta.servlet.error.status_code", RequestAttributes.SCOPE_REQUEST);
        if (status instanceof Integer code && code >= 500) {
            String reference = UUID.randomUUID().toString();
            Throwable error = getError(request);
            log.error("error reference {}: {} {} failed", reference,
                    request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST),
                    code, error);
            attributes.put("message", "internal error; quote reference " + reference + " to the centre's operators");
            attributes.put("reference", reference);
            attributes.remove("exception");
            attributes.remove("trace");
            attributes.remove("errors");
        }
        return attributes;
    }
}
