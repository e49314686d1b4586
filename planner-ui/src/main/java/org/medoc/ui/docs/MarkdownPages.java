package org.medoc.ui.docs;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Markdown pages of {@code docs/} (packaged on the classpath under {@code docs/}) rendered to HTML with GitHub
 * tables. Raw HTML in the Markdown is escaped; links between pages ({@code archive.md}) become links to the
 * documentation route ({@code documentation/archive}).
 */
public final class MarkdownPages {

    private static final Pattern PAGE_NAME = Pattern.compile("[a-z0-9-]+");
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link && attributes.containsKey("href")) {
                    String href = attributes.get("href");
                    if (href.matches("[a-z0-9-]+\\.md(#.*)?")) {
                        attributes.put("href", "documentation/" + href.replaceFirst("\\.md", ""));
                    }
                }
            })
            .build();

    private MarkdownPages() {
    }

    /** The page's HTML, or empty when there is no such page (names are lower-case words and dashes only). */
    public static Optional<String> render(String page) {
        if (page == null || !PAGE_NAME.matcher(page).matches()) {
            return Optional.empty();
        }
        try (InputStream in = MarkdownPages.class.getClassLoader().getResourceAsStream("docs/" + page + ".md")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(RENDERER.render(PARSER.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read docs/" + page + ".md", e);
        }
    }
}
