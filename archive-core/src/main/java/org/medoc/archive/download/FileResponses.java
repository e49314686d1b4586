package org.medoc.archive.download;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP answers for one stored file, the same for observations and products: the SHA-256 recorded at ingest is the
 * strong ETag (so {@code If-None-Match} answers 304 without reading the file), ranges are advertised and served by
 * Spring MVC from the {@link Resource} (206 with {@code Content-Range}, 416 beyond the end), and the file name is
 * given for saving.
 */
public final class FileResponses {

    public static final MediaType FITS = MediaType.parseMediaType("application/fits");

    private FileResponses() {
    }

    /** A file to download: 304 when the client holds this version, otherwise the whole file or the requested range. */
    public static ResponseEntity<Resource> download(WebRequest request, Resource body, MediaType mediaType, String fileName,
                                                    long sizeBytes, String sha256) {
        String etag = "\"" + sha256 + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(mediaType)
                .contentLength(sizeBytes)
                .eTag(etag)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noCache())
                .body(body);
    }

    /** A preview image shown inline; previews change only with their file, so browsers may keep them for a day. */
    public static ResponseEntity<Resource> preview(Resource body, String etagValue) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .eTag("\"" + etagValue + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(body);
    }
}
