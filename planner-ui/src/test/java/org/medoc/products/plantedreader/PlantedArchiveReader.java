package org.medoc.products.plantedreader;

import org.jooq.DSLContext;

import static org.medoc.db.jooq.archive.Tables.OBSERVATION;

/** A planted violation (never run): a products class reading the archive's table instead of asking the catalogue. */
class PlantedArchiveReader {
    int count(DSLContext dsl) {
        return dsl.fetchCount(OBSERVATION);
    }
}
