/**
 * Virtual Observatory access: a TAP 1.1 service ({@link org.medoc.archive.vo.TapController}) publishing the public
 * catalogue as {@code ivoa.obscore} (ObsCore 1.1) and {@code medoc.epn_core} (EPN-TAP 2.0), queried in ADQL
 * (parsed with JSqlParser, checked against the published tables and translated to PostgreSQL with bind parameters by
 * {@link org.medoc.archive.vo.AdqlTranslator}) and answered as streamed VOTable 1.4 (STIL), CSV or JSON. Rows of
 * other modules (products, release DOIs) come through the {@link org.medoc.archive.vo.VoGranuleSource} and
 * {@link org.medoc.archive.vo.VoBibReferenceSource} interfaces those modules implement: this package never reads
 * their tables.
 */
package org.medoc.archive.vo;
