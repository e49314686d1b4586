package org.medoc.release.model;

/** Where a release is in its life (ARCHIVE_AND_RELEASES.md §5). Only these moves exist: see {@link #canMoveTo}. */
public enum ReleaseState {
    DRAFT, FROZEN, PUBLISHED, WITHDRAWN;

    public boolean canMoveTo(ReleaseState next) {
        return switch (this) {
            case DRAFT -> next == FROZEN;
            case FROZEN -> next == PUBLISHED;
            case PUBLISHED -> next == WITHDRAWN;
            case WITHDRAWN -> false;
        };
    }

    /** Visible to the public: published, or withdrawn (as a tombstone). */
    public boolean isPublic() {
        return this == PUBLISHED || this == WITHDRAWN;
    }
}
