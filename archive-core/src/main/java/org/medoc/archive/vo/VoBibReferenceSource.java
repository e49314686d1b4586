package org.medoc.archive.vo;

import org.jooq.DSLContext;
import org.jooq.Select;

/**
 * The citable identifiers of catalogued items, for the EPN-TAP {@code bib_reference} column: the release manager
 * implements it with the DOI (or local identifier) of every published release holding the item, so that a VO user
 * lands on the citable release. The select list is {@code item_kind} text ({@code 'OBSERVATION'} or
 * {@code 'PRODUCT'}), {@code item_id} bigint, {@code bib_reference} text; an item in several releases has several
 * rows (published as a {@code #}-separated list).
 */
public interface VoBibReferenceSource {

    Select<?> bibReferences(DSLContext dsl);
}
