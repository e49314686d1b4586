package org.medoc.archive.vo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the TAP service's settings ({@code medoc.vo.*}). */
@Configuration
@EnableConfigurationProperties(VoSettings.class)
class VoConfiguration {
}
