package org.medoc.archive.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where archive files go: a local directory under {@code ${medoc.data-dir}/archive} by default, or an S3-compatible
 * object store with {@code medoc.storage=s3} (endpoint, bucket, region, credentials under {@code medoc.storage.s3.*};
 * without explicit keys the AWS default credential chain applies). Objects of
 * {@code medoc.storage.s3.multipart-threshold} (64MB) and more are sent in parts of {@code medoc.storage.s3.part-size}
 * (16MB). Both stores can be built from the settings whichever is in use: {@code medoc storage migrate} copies
 * from one to the other.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "medoc.storage", havingValue = "s3")
    ArchiveStore s3ArchiveStore(Environment settings) {
        return s3Store(settings);
    }

    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore localArchiveStore(Environment settings) throws IOException {
        return localStore(settings);
    }

    /** The object store the {@code medoc.storage.s3.*} settings describe. */
    static S3ArchiveStore s3Store(PropertyResolver settings) {
        String bucket = settings.getProperty("medoc.storage.s3.bucket", "");
        if (bucket.isBlank()) {
            throw new IllegalStateException("medoc.storage.s3.bucket is not set");
        }
        String endpoint = settings.getProperty("medoc.storage.s3.endpoint", "");
        String accessKey = settings.getProperty("medoc.storage.s3.access-key", "");
        String secretKey = settings.getProperty("medoc.storage.s3.secret-key", "");
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.getProperty("medoc.storage.s3.region", "us-east-1")))
                // MinIO and most self-hosted stores want bucket names in the path, not in the host name
                .forcePathStyle(settings.getProperty("medoc.storage.s3.path-style", Boolean.class, true))
                .credentialsProvider(accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new S3ArchiveStore(builder.build(), bucket, settings.getProperty("medoc.storage.s3.prefix", ""),
                new S3ArchiveStore.Multipart(
                        DataSize.parse(settings.getProperty("medoc.storage.s3.multipart-threshold", "64MB")).toBytes(),
                        DataSize.parse(settings.getProperty("medoc.storage.s3.part-size", "16MB")).toBytes()));
    }

    /** The local directory store under {@code ${medoc.data-dir}/archive}. */
    static LocalArchiveStore localStore(PropertyResolver settings) throws IOException {
        return new LocalArchiveStore(dataDir(settings).resolve("archive"));
    }

    static Path dataDir(PropertyResolver settings) {
        return Path.of(settings.getProperty("medoc.data-dir", "./medoc-data")).toAbsolutePath().normalize();
    }
}
