package org.medoc.db.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external database is configured, i.e. {@code spring.datasource.url} is absent or blank. */
class NoDataSourceUrlCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment());
    }

    /** Whether {@code environment} leaves the database to medoc's embedded PostgreSQL. */
    static boolean embedded(org.springframework.core.env.Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
