-- Search results name the published release that holds each file (the Python client and Fido cite it): that lookup
-- goes from a page of observation or product ids to their release files, across every release.
CREATE INDEX release_file_item_idx ON releases.release_file (kind, item_id);
