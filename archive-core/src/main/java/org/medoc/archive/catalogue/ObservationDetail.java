package org.medoc.archive.catalogue;

import java.util.List;
import java.util.Map;

/**
 * Everything the catalogue knows of one file: the summary, the normalised fields that searches do not show
 * (WCS, observer, planning and SHARP keys), and every HDU's header in file order.
 */
public record ObservationDetail(
        ObservationSummary summary,
        Map<String, Object> normalised,
        Map<String, Object> header,
        List<HduHeader> hdus,
        String checksumStatus) {

    /** One HDU's header cards as (keyword, value, comment). */
    public record HduHeader(int index, String extname, List<Card> cards) {}

    public record Card(String keyword, Object value, String comment) {}
}
