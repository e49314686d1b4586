package org.medoc.archive.fits;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing FITS files the way medoc always does. */
public final class FitsFiles {
    private FitsFiles() {
    }

    /**
     * Writes a one-HDU FITS file with CHECKSUM and DATASUM (every FITS file medoc writes carries them, so that the
     * archive's ingest and anyone downstream can verify it), replacing any file of that name.
     */
    public static Path writeWithChecksum(Path file, BasicHDU<?> hdu) throws IOException {
        try (Fits fits = new Fits()) {
            hdu.setChecksum();
            fits.addHDU(hdu);
            Files.deleteIfExists(file);
            fits.write(file.toFile());
        } catch (FitsException e) {
            throw new IOException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return file;
    }
}
