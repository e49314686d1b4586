/**
 * DOI-minted data releases. Features: {@code release} (lifecycle draft → frozen → published → withdrawn, with
 * history), {@code selection} (rules → files), {@code packaging} (BagIt 1.0, catalog.csv, release notes),
 * {@code doi} (DataCite XML, validation, DataCite REST client, local identifiers), {@code landing} (public HTML pages
 * and citation exports), {@code api} (JSON API) and {@code fixity} (periodic re-hashing of published files).
 */
package org.medoc.release;
