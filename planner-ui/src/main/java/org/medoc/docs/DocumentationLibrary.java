package org.medoc.docs;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user guides of {@code docs/}, shipped inside the application (the build copies them to
 * {@code classpath:medoc-docs/}) and rendered to HTML for the Documentation area.
 *
 * <p>Pages are read once at start-up: they are part of the release, not user content. Raw HTML inside the Markdown is
 * escaped rather than passed through, so a page can never inject markup or script into the application. Links between
 * guides ({@code planning.md#rules}) are rewritten to the application's own route, and images to the copies the build
 * places under {@code /images/docs/}.
 */
@Service
public class DocumentationLibrary {

    /** Route of the Documentation area; page links point below it. */
    public static final String ROUTE = "documentation";

    /** The page shown when none is named: the index of the guides. */
    public static final String INDEX = "README";

    private static final Pattern PAGE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*");

    private final Map<String, DocumentationPage> pages;

    public DocumentationLibrary() {
        this("classpath*:medoc-docs/**/*.md");
    }

    DocumentationLibrary(String locationPattern) {
        this.pages = load(locationPattern);
    }

    /** Every page, the index first, then by title. */
    public List<DocumentationPage> pages() {
        List<DocumentationPage> sorted = new ArrayList<>(pages.values());
        sorted.sort(Comparator.comparing((DocumentationPage page) -> !page.name().equals(INDEX))
                .thenComparing(DocumentationPage::title, String.CASE_INSENSITIVE_ORDER));
        return sorted;
    }

    /**
     * The page of that name ({@code planning}, {@code algorithms/dem}), or empty when there is none. Names that are
     * not plain page names (dots, slashes at either end, {@code ..}) are never looked up.
     */
    public Optional<DocumentationPage> page(String name) {
        if (name == null || !PAGE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(pages.get(name));
    }

    private static Map<String, DocumentationPage> load(String locationPattern) {
        List<Extension> extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
        Map<String, DocumentationPage> loaded = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
                String url = resource.getURL().toString();
                int root = url.lastIndexOf("medoc-docs/");
                String path = url.substring(root + "medoc-docs/".length());
                String name = path.substring(0, path.length() - ".md".length());
                if (!PAGE_NAME.matcher(name).matches()) {
                    continue;
                }
                String markdown;
                try (var in = resource.getInputStream()) {
                    markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Node document = parser.parse(markdown);
                String directory = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                document.accept(new LinkRewriter(directory));
                String title = firstHeading(document).orElse(name);
                loaded.put(name, new DocumentationPage(name, title, "<div class=\"medoc-doc\">" + renderer.render(document) + "</div>"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the documentation shipped with the application", e);
        }
        return Map.copyOf(loaded);
    }

    private static Optional<String> firstHeading(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                StringBuilder text = new StringBuilder();
                for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
                    if (child instanceof Text literal) {
                        text.append(literal.getLiteral());
                    } else if (child instanceof org.commonmark.node.Code code) {
                        text.append(code.getLiteral());
                    }
                }
                return Optional.of(text.toString().strip());
            }
        }
        return Optional.empty();
    }

    /** Points links between guides at the Documentation route and images at their served copies. */
    private static final class LinkRewriter extends AbstractVisitor {
        private final String directory;

        LinkRewriter(String directory) {
            this.directory = directory;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(rewriteLink(link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            String destination = image.getDestination();
            if (isRelative(destination)) {
                String resolved = normalise(directory + destination);
                if (resolved.startsWith("images/")) {
                    image.setDestination("images/docs/" + resolved.substring("images/".length()));
                }
            }
            visitChildren(image);
        }

        private String rewriteLink(String destination) {
            if (!isRelative(destination)) {
                return destination;
            }
            int hash = destination.indexOf('#');
            String target = hash < 0 ? destination : destination.substring(0, hash);
            String anchor = hash < 0 ? "" : destination.substring(hash);
            if (!target.endsWith(".md")) {
                return destination;
            }
            String page = normalise(directory + target.substring(0, target.length() - ".md".length()));
            return ROUTE + "/" + page + anchor;
        }

        private static boolean isRelative(String destination) {
            return !destination.isEmpty() && !destination.startsWith("/") && !destination.startsWith("#")
                    && !destination.contains(":");
        }

        /** Resolves {@code ./} and {@code ../} inside the docs tree; never climbs above it. */
        private static String normalise(String path) {
            List<String> parts = new ArrayList<>();
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.removeLast();
                    }
                } else {
                    parts.add(part);
                }
            }
            return String.join("/", parts);
        }
    }
}
