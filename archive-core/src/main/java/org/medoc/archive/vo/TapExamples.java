package org.medoc.archive.vo;

import java.util.List;

import static uk.ac.starlink.votable.VOSerializer.formatText;

/** The service's example queries, served at {@code /tap/examples} as a DALI examples document (XHTML + RDFa). */
final class TapExamples {

    private TapExamples() {
    }

    record Example(String id, String name, String description, String table, String query) {}

    static final List<Example> EXAMPLES = List.of(
            new Example("epn-instrument-time-range", "Images of one instrument in a time range",
                    "EPN-TAP times are Julian Days (UTC): AIA granules of February 2011, oldest first, with their download URLs.",
                    "medoc.epn_core", """
                    SELECT TOP 100 granule_uid, time_min, time_max, spectral_range_min, access_url
                    FROM medoc.epn_core
                    WHERE instrument_name = 'AIA' AND time_min >= 2455593.5 AND time_max < 2455621.5
                    ORDER BY time_min"""),
            new Example("obscore-calibrated-images", "Calibrated images with ObsCore",
                    "ObsCore times are Modified Julian Days and wavelengths metres.", "ivoa.obscore", """
                    SELECT TOP 20 obs_id, instrument_name, t_min, em_min, access_url, access_estsize
                    FROM ivoa.obscore
                    WHERE calib_level = 2 AND dataproduct_type = 'image'
                    ORDER BY t_min DESC"""),
            new Example("epn-release-doi", "Files of a citable release",
                    "bib_reference holds the DOI (or identifier) of every published release a file belongs to.",
                    "medoc.epn_core", """
                    SELECT TOP 100 granule_uid, file_name, bib_reference, access_url
                    FROM medoc.epn_core
                    WHERE bib_reference IS NOT NULL"""),
            new Example("epn-granules-per-instrument", "How many granules each instrument has",
                    "Aggregates over the whole table.", "medoc.epn_core", """
                    SELECT instrument_host_name, instrument_name, COUNT(*) AS granules
                    FROM medoc.epn_core
                    GROUP BY instrument_host_name, instrument_name
                    ORDER BY instrument_name"""));

    static String document() {
        StringBuilder html = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml">
                <head><title>medoc TAP examples</title></head>
                <body vocab="http://www.ivoa.net/rdf/examples#">
                <h1>Example queries of the medoc TAP service</h1>
                """);
        for (Example example : EXAMPLES) {
            html.append("<div id=\"").append(example.id()).append("\" resource=\"#").append(example.id())
                    .append("\" typeof=\"example\">\n<h2 property=\"name\">").append(formatText(example.name()))
                    .append("</h2>\n<p>").append(formatText(example.description())).append(" Table: <span property=\"table\">")
                    .append(example.table()).append("</span>.</p>\n<pre property=\"query\">")
                    .append(formatText(example.query())).append("</pre>\n</div>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }
}
