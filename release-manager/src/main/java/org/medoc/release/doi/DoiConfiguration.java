package org.medoc.release.doi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** The DataCite client when {@code medoc.release.doi.endpoint} is set; no registrar (local identifiers) otherwise. */
@Configuration(proxyBeanMethods = false)
class DoiConfiguration {

    @Bean
    Registrar registrar(RegistrarSettings settings, ObjectMapper json) {
        return settings.registrarConfigured() ? new DataCiteClient(settings, json) : Registrar.NONE;
    }
}
