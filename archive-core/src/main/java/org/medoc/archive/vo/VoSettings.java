package org.medoc.archive.vo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The TAP service's limits and identity ({@code medoc.vo.*}).
 *
 * @param maxrecDefault     rows returned when a query gives no MAXREC (and no smaller TOP)
 * @param maxrecLimit       the hard limit: a larger MAXREC is lowered to it (with the overflow flag)
 * @param statementTimeout  PostgreSQL's statement_timeout for one query
 * @param asyncJobs         async jobs kept at once; the oldest finished job makes room for a new one
 * @param asyncRetention    how long an async job and its result are kept (its destruction time)
 * @param ivoAuthority      the IVOA authority of obs_publisher_did, e.g. {@code ivo://medoc.example.org}
 * @param publisher         the EPN-TAP publisher
 * @param serviceTitle      the EPN-TAP service_title
 */
@ConfigurationProperties("medoc.vo")
public record VoSettings(Integer maxrecDefault, Integer maxrecLimit, Duration statementTimeout, Integer asyncJobs,
                         Duration asyncRetention, String ivoAuthority, String publisher, String serviceTitle) {

    public VoSettings {
        maxrecDefault = maxrecDefault == null ? 10_000 : maxrecDefault;
        maxrecLimit = maxrecLimit == null ? 1_000_000 : maxrecLimit;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(60) : statementTimeout;
        asyncJobs = asyncJobs == null ? 100 : asyncJobs;
        asyncRetention = asyncRetention == null ? Duration.ofDays(2) : asyncRetention;
        ivoAuthority = ivoAuthority == null ? "ivo://medoc.example.org" : ivoAuthority;
        publisher = publisher == null ? "MEDOC" : publisher;
        serviceTitle = serviceTitle == null ? "medoc" : serviceTitle;
        if (maxrecDefault < 0 || maxrecLimit < maxrecDefault) {
            throw new IllegalArgumentException("medoc.vo.maxrec-default must be between 0 and medoc.vo.maxrec-limit");
        }
    }

    public static VoSettings defaults() {
        return new VoSettings(null, null, null, null, null, null, null, null);
    }
}
