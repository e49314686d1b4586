package org.medoc.archive.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * without explicit keys the AWS default credential chain applies).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "medoc.storage", havingValue = "s3")
    ArchiveStore s3ArchiveStore(@Value("${medoc.storage.s3.endpoint:}") String endpoint,
                                @Value("${medoc.storage.s3.region:us-east-1}") String region,
                                @Value("${medoc.storage.s3.bucket}") String bucket,
                                @Value("${medoc.storage.s3.prefix:}") String prefix,
                                @Value("${medoc.storage.s3.access-key:}") String accessKey,
                                @Value("${medoc.storage.s3.secret-key:}") String secretKey,
                                @Value("${medoc.storage.s3.path-style:true}") boolean pathStyle,
                                @Value("${medoc.storage.s3.multipart-threshold:64MB}") DataSize multipartThreshold,
                                @Value("${medoc.storage.s3.part-size:16MB}") DataSize partSize) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                // MinIO and most self-hosted stores want bucket names in the path, not in the host name
                .forcePathStyle(pathStyle)
                .credentialsProvider(accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return new S3ArchiveStore(builder.build(), bucket, prefix,
                new S3ArchiveStore.Multipart(multipartThreshold.toBytes(), partSize.toBytes()));
    }

    @Bean
    @ConditionalOnMissingBean(ArchiveStore.class)
    ArchiveStore localArchiveStore(@Value("${medoc.data-dir:./medoc-data}") String dataDir) throws IOException {
        return new LocalArchiveStore(Path.of(dataDir).toAbsolutePath().normalize().resolve("archive"));
    }
}
