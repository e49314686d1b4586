package org.medoc.archive.fits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Parses 80-character header cards. Never throws on odd content: whatever cannot be understood is kept as text. */
final class HeaderParser {

    static final int CARD = 80;
    static final int BLOCK = 2880;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?");

    private HeaderParser() {
    }

    /** Text of one card: bytes outside printable ASCII become '?'. */
    static String cardText(byte[] buf, int off) {
        char[] chars = new char[CARD];
        for (int i = 0; i < CARD; i++) {
            int b = buf[off + i] & 0xff;
            chars[i] = b >= 0x20 && b <= 0x7e ? (char) b : '?';
        }
        return new String(chars);
    }

    static boolean isEnd(byte[] buf, int off) {
        return new String(buf, off, 8, StandardCharsets.US_ASCII).equals("END     ");
    }

    static String keyword(String card) {
        return card.substring(0, 8).trim();
    }

    /** Parses one card. Returns the card; the caller handles CONTINUE joining via {@link #appendContinue}. */
    static FitsCard parse(String card) {
        String keyword = keyword(card);
        if (keyword.equals("HIERARCH")) {
            int eq = card.indexOf('=', 9);
            if (eq > 0) {
                String k = card.substring(9, eq).trim();
                return valueCard(k, card.substring(eq + 1));
            }
        }
        if (card.startsWith("= ", 8) && !keyword.equals("COMMENT") && !keyword.equals("HISTORY") && !keyword.isEmpty()) {
            return valueCard(keyword, card.substring(10));
        }
        String text = card.length() > 8 ? card.substring(8).strip() : "";
        return new FitsCard(keyword, null, text.isEmpty() ? null : text);
    }

    private static FitsCard valueCard(String keyword, String field) {
        String f = field.stripLeading();
        if (f.startsWith("'")) {
            StringBuilder sb = new StringBuilder();
            int i = 1;
            boolean closed = false;
            while (i < f.length()) {
                char ch = f.charAt(i);
                if (ch == '\'') {
                    if (i + 1 < f.length() && f.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                sb.append(ch);
                i++;
            }
            String rest = closed ? f.substring(i) : "";
            return new FitsCard(keyword, sb.toString().strip(), comment(rest));
        }
        int slash = f.indexOf('/');
        String token = (slash >= 0 ? f.substring(0, slash) : f).strip();
        String comment = slash >= 0 ? emptyToNull(f.substring(slash + 1).strip()) : null;
        if (token.isEmpty()) {
            return new FitsCard(keyword, null, comment);
        }
        return new FitsCard(keyword, value(token), comment);
    }

    private static Object value(String token) {
        if (token.equals("T")) {
            return Boolean.TRUE;
        }
        if (token.equals("F")) {
            return Boolean.FALSE;
        }
        if (INTEGER.matcher(token).matches()) {
            try {
                return Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
            } catch (NumberFormatException e) {
                return Double.parseDouble(token);
            }
        }
        if (REAL.matcher(token).matches()) {
            return Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
        }
        return token;
    }

    private static String comment(String rest) {
        int slash = rest.indexOf('/');
        return slash >= 0 ? emptyToNull(rest.substring(slash + 1).strip()) : null;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /**
     * Adds a card to the list, joining OGIP long-string {@code CONTINUE} cards onto the previous string value that
     * ends with '&amp;'.
     */
    static void add(List<FitsCard> cards, String text) {
        String kw = keyword(text);
        if (kw.equals("CONTINUE") && !cards.isEmpty()) {
            FitsCard prev = cards.get(cards.size() - 1);
            if (prev.value() instanceof String s && s.endsWith("&")) {
                FitsCard cont = valueCard("CONTINUE", text.substring(8));
                if (cont.value() instanceof String more) {
                    String joined = s.substring(0, s.length() - 1) + more;
                    String comment = prev.comment() == null ? cont.comment()
                            : cont.comment() == null ? prev.comment() : prev.comment() + " " + cont.comment();
                    cards.set(cards.size() - 1, new FitsCard(prev.keyword(), joined, comment));
                    return;
                }
            }
        }
        cards.add(parse(text));
    }
}
