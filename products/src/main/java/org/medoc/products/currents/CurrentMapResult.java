package org.medoc.products.currents;

import java.nio.file.Path;

/** What {@link CurrentMapMaker} wrote for one SHARP record: the FITS product, its preview, and the record and map. */
public record CurrentMapResult(Path fitsFile, Path previewFile, SharpRecord record, JzMap map) {
}
