package org.medoc.archive.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/** The local directory store under {@code ${medoc.data-dir}/archive}, unless another ArchiveStore is configured. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore localArchiveStore(@Value("${medoc.data-dir:./medoc-data}") String dataDir) throws IOException {
        return new LocalArchiveStore(Path.of(dataDir).toAbsolutePath().normalize().resolve("archive"));
    }
}
