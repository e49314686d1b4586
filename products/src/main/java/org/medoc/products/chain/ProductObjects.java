package org.medoc.products.chain;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.medoc.archive.storage.StoredObjectOwner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.medoc.db.jooq.products.Tables.PRODUCT_FILE;
import static org.medoc.db.jooq.products.Tables.RUN;

/**
 * The objects the product chains store, {@code products/<type>/<version>/<sha256>.<ext>}, for {@code medoc storage
 * check}: an object is referenced by a catalogued product file, or by a run still RUNNING that is storing it (its
 * product is not catalogued yet). Anything else under {@code products/} is an orphan, e.g. written by a run killed
 * before its commit and not yet cleaned by the lease check.
 */
@Component
class ProductObjects implements StoredObjectOwner {

    private final DSLContext dsl;

    ProductObjects(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Set<String> prefixes() {
        return Set.of("products/");
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        Set<String> found = new HashSet<>(dsl.selectDistinct(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE)
                .where(PRODUCT_FILE.STORAGE_KEY.in(keys)).fetch(PRODUCT_FILE.STORAGE_KEY));
        Set<String> asked = new HashSet<>(keys);
        dsl.select(RUN.STORED_KEYS).from(RUN)
                .where(RUN.STATUS.eq(RunStatus.RUNNING.name()))
                .and(DSL.condition("{0} && {1}", RUN.STORED_KEYS, DSL.val(keys.toArray(String[]::new), RUN.STORED_KEYS.getDataType())))
                .forEach(r -> List.of(r.value1()).stream().filter(asked::contains).forEach(found::add));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public void forEachReferenced(Consumer<String> each) {
        try (var keys = dsl.selectDistinct(PRODUCT_FILE.STORAGE_KEY).from(PRODUCT_FILE).fetchSize(1000).fetchLazy()) {
            keys.forEach(r -> each.accept(r.value1()));
        }
    }
}
