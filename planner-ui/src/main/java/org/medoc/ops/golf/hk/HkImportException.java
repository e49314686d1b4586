package org.medoc.ops.golf.hk;

import org.medoc.ops.golf.GolfRejectedException;

import java.util.List;

/** A housekeeping file that cannot be imported; nothing of it was stored. {@code line} is 1-based (0: the whole file). */
public class HkImportException extends GolfRejectedException {

    private final long line;

    public HkImportException(String fileName, long line, String problem) {
        super(fileName + (line > 0 ? ", line " + line : "") + ": " + problem + " (nothing of the file was imported)",
                List.of((line > 0 ? "line " + line + ": " : "") + problem));
        this.line = line;
    }

    public long line() {
        return line;
    }
}
