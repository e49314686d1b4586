package org.medoc.release.release;

import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.medoc.archive.vo.VoBibReferenceSource;
import org.medoc.release.model.ReleaseState;
import org.springframework.stereotype.Component;

import static org.medoc.db.jooq.releases.Tables.RELEASE;
import static org.medoc.db.jooq.releases.Tables.RELEASE_FILE;

/**
 * The VO tables' {@code bib_reference}: every file of a published release carries the release's DOI (or local
 * identifier), so that a VO user finds the citable release from the file. Withdrawn releases no longer count.
 */
@Component
class ReleaseBibReferences implements VoBibReferenceSource {

    @Override
    public Select<?> bibReferences(DSLContext dsl) {
        return dsl.select(RELEASE_FILE.KIND.as("item_kind"), RELEASE_FILE.ITEM_ID.as("item_id"),
                        RELEASE.IDENTIFIER.as("bib_reference"))
                .from(RELEASE_FILE).join(RELEASE).on(RELEASE.ID.eq(RELEASE_FILE.RELEASE_ID))
                .where(RELEASE.STATE.eq(DSL.inline(ReleaseState.PUBLISHED.name())));
    }
}
