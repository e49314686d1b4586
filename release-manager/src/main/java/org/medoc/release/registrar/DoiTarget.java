package org.medoc.release.registrar;

/**
 * What DataCite should hold for one DOI, computed from our state when the job runs (never stored): sending it is a
 * PUT of the full state, so sending it twice changes nothing.
 *
 * @param releaseId the release whose DOI this is; null for a collection's concept DOI
 * @param url       the landing page (null for a draft)
 * @param xml       the DataCite XML (null for a draft)
 */
public record DoiTarget(String doi, String collection, Long releaseId, State state, String url, String xml) {

    /** DataCite's three DOI states, and the PUT event that leads to each. */
    public enum State {
        /** reserved, not resolvable: a draft or frozen release */
        DRAFT("draft"),
        /** resolvable and in DataCite's search: a published release ({@code event: publish}) */
        FINDABLE("findable"),
        /** resolvable (to the tombstone) but hidden: a withdrawn release ({@code event: hide}) */
        REGISTERED("registered");

        private final String dataCite;

        State(String dataCite) {
            this.dataCite = dataCite;
        }

        public String dataCite() {
            return dataCite;
        }
    }

    public static DoiTarget draft(String doi, String collection, Long releaseId) {
        return new DoiTarget(doi, collection, releaseId, State.DRAFT, null, null);
    }
}
