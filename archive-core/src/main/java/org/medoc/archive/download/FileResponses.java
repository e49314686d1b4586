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

/**
 * One stored file as an HTTP response: {@code ETag} = SHA-256, {@code If-None-Match} answered 304, {@code HEAD},
 * and byte ranges. Spring MVC serves {@code Range: bytes=a-b} on a {@link Resource} body itself (206 with
 * {@code Content-Range}, 416 when unsatisfiable, {@code If-Range} against the ETag; RFC 9110 §14), so every file the
 * application serves goes through here to behave the same way.
 */
public final class FileResponses {
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
}
