package org.medoc.release.doi;

/**
 * Registers release identifiers. Every call is idempotent: repeating it updates the same record, never creates a
 * second one. Each returns the identifier's state as the registrar reports it (DataCite: draft, registered,
 * findable), or null when nothing is registered.
 */
public interface Registrar {

    /** True when identifiers are DOIs registered at DataCite; false for local identifiers only. */
    boolean registersDois();

    /** Reserves the DOI as a draft, so that it can be quoted (in release notes) before publication. */
    String reserve(String doi);

    /** Registers the metadata and URL and makes the DOI findable. */
    String publish(String doi, String url, String dataCiteXml);

    /** Updates the metadata and URL of a registered DOI, leaving its state as it is. */
    String update(String doi, String url, String dataCiteXml);

    /** Withdrawal: the DOI stays resolvable (to the tombstone) but leaves the public index (DataCite "hide"). */
    String hide(String doi, String url, String dataCiteXml);

    /**
     * DataCite's record of the DOI as it stands (a GET, changing nothing), for the reconciler; empty when DataCite does
     * not know the DOI.
     */
    java.util.Optional<RemoteDoi> fetch(String doi);

    /** What DataCite holds for a DOI: its state (draft, registered, findable) and the URL it resolves to (null for a draft). */
    record RemoteDoi(String doi, String state, String url) {}

    /** The embedded default: nothing is registered, and nothing pretends to be a DOI. */
    Registrar NONE = new Registrar() {
        @Override
        public boolean registersDois() {
            return false;
        }

        @Override
        public String reserve(String doi) {
            return null;
        }

        @Override
        public String publish(String doi, String url, String dataCiteXml) {
            return null;
        }

        @Override
        public String update(String doi, String url, String dataCiteXml) {
            return null;
        }

        @Override
        public String hide(String doi, String url, String dataCiteXml) {
            return null;
        }

        @Override
        public java.util.Optional<RemoteDoi> fetch(String doi) {
            return java.util.Optional.empty();
        }
    };
}
