package org.medoc.archive.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and access rules shown at /v3/api-docs and /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI medocOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("medoc API")
                        .version("v1")
                        .description("Search, download and ingest of a solar-physics archive. Anonymous users may search "
                                + "and download public data; staff authenticate with HTTP Basic (or the web session). "
                                + "Errors are RFC 9457 problem details naming the parameter at fault."))
                .schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
    }
}
