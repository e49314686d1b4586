package org.medoc.db.embedded;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.nio.file.Path;

/**
 * Refuses a start on a data directory held by a live medoc as soon as the configuration is known, before the
 * application context is built (which takes seconds): takes {@link DataDirectoryLock} and lets it go again at once.
 * The embedded database takes it for good when it starts; this only makes the refusal immediate.
 */
class DataDirectoryLockProbe implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (NoDataSourceUrlCondition.embedded(environment)) {
            DataDirectoryLock.acquire(EmbeddedPostgresAutoConfiguration.pgDirectory(environment)).close();
        }
    }
}
