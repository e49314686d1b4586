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
 * One stored file as an HTTP response, the same for observations, products and release files: {@code ETag} = the
 * SHA-256 recorded at ingest (so {@code If-None-Match} answers 304 without reading the file), {@code HEAD}, and byte
 * ranges. Spring MVC serves {@code Range: bytes=a-b} on a {@link Resource} body itself (206 with
 * {@code Content-Range}, 416 when unsatisfiable, {@code If-Range} against the ETag; RFC 9110 §14), so every file the
 * application serves goes through here to behave the same way.
 */
public final class FileResponses {

    public static final MediaType FITS = MediaType.parseMediaType("application/fits");

    private FileResponses() {
    }

    /**
     * @param attachment true to ask browsers to save the file rather than display it
     */
    public static ResponseEntity<Resource> file(Resource body, String fileName, MediaType mediaType, long sizeBytes,
                                                String sha256, boolean attachment, WebRequest request) {
        String etag = "\"" + sha256 + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(mediaType)
                .contentLength(sizeBytes)
                .eTag(etag)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
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
