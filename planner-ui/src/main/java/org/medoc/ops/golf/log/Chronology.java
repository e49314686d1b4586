package org.medoc.ops.golf.log;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The public GOLF chronology as an HTML page and an Atom feed (RFC 4287), from the approved public log entries:
 * what happened and what it did to the measurements, newest first.
 */
public final class Chronology {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Chronology() {
    }

    public static String html(List<LogEntry> entries, String atomHref) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>GOLF operations chronology</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        page.append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"GOLF chronology\" href=\"")
                .append(escape(atomHref)).append("\">\n");
        page.append("<style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}"
                + "dt{font-weight:bold;margin-top:1rem}.impact{color:#666}</style></head><body>\n");
        page.append("<h1>GOLF operations chronology</h1>\n<p>Events that broke the continuity of GOLF's measurements, newest "
                + "first, with their effect on the data. <a href=\"").append(escape(atomHref)).append("\">Atom feed</a>.</p>\n");
        if (entries.isEmpty()) {
            page.append("<p>No event published yet.</p>\n");
        }
        page.append("<dl>\n");
        for (LogEntry entry : entries) {
            page.append("<dt id=\"entry-").append(entry.id()).append("\"><time datetime=\"").append(entry.time()).append("\">")
                    .append(DAY.format(entry.time())).append("</time> — ").append(escape(entry.publicTitle())).append("</dt>\n")
                    .append("<dd>").append(escape(entry.text()))
                    .append(" <span class=\"impact\">(effect on data: ").append(impact(entry.dataImpact())).append(")</span></dd>\n");
        }
        return page.append("</dl>\n</body></html>\n").toString();
    }

    /** An Atom feed; {@code selfUrl} is the feed's own absolute address and the base of the entry ids. */
    public static String atom(List<LogEntry> entries, String selfUrl, String pageUrl) {
        Instant updated = entries.stream().map(e -> e.approvedAt() != null ? e.approvedAt() : e.time())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        feed.append("  <title>GOLF operations chronology</title>\n")
                .append("  <id>").append(escape(selfUrl)).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(selfUrl)).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(pageUrl)).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>GOLF operations</name></author>\n");
        for (LogEntry entry : entries) {
            Instant entryUpdated = entry.approvedAt() != null ? entry.approvedAt() : entry.time();
            feed.append("  <entry>\n")
                    .append("    <title>").append(escape(DAY.format(entry.time()) + " — " + entry.publicTitle())).append("</title>\n")
                    .append("    <id>").append(escape(selfUrl)).append("#entry-").append(entry.id()).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(pageUrl)).append("#entry-")
                    .append(entry.id()).append("\"/>\n")
                    .append("    <published>").append(entry.time()).append("</published>\n")
                    .append("    <updated>").append(entryUpdated).append("</updated>\n")
                    .append("    <summary>").append(escape(entry.text() + " (effect on data: " + impact(entry.dataImpact()) + ")"))
                    .append("</summary>\n")
                    .append("  </entry>\n");
        }
        return feed.append("</feed>\n").toString();
    }

    private static String impact(DataImpact impact) {
        return switch (impact) {
            case NONE -> "none";
            case GAP -> "data gap";
            case DEGRADED -> "degraded data";
            case TIMING_SHIFT -> "shift in measurement timing";
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
