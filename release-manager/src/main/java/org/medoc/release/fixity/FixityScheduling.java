package org.medoc.release.fixity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the periodic fixity check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FixityScheduling {
}
