package org.medoc.ops.golf.log;

import org.junit.jupiter.api.Test;
import org.medoc.ops.golf.GolfRejectedException;
import org.medoc.planner.PlanningIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public chronology over real HTTP, anonymously: approved public entries only, and a feed that is Atom. */
@PlanningIntegrationTest
class ChronologyTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @LocalServerPort int port;
    @Autowired OpsLogService log;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private LogEntry publicEntry(String title) {
        return log.write(new LogInput(Instant.parse("2002-11-18T00:00:00Z"), LogCategory.COMMANDING, "Switch back to the blue wing <&>",
                DataImpact.TIMING_SHIFT, null, null, null, null, null, true, title), "golf-operator");
    }

    @Test
    void anonymousReadersSeeApprovedPublicEntriesOnlyOnThePage() throws Exception {
        String approved = "approved " + UUID.randomUUID();
        String pending = "pending " + UUID.randomUUID();
        log.approve(publicEntry(approved).id(), "admin");
        publicEntry(pending);
        log.write(LogInput.note(Instant.now(), LogCategory.NOTE, "internal " + approved, DataImpact.NONE), "golf-operator");

        HttpResponse<String> page = get("/ops/golf/chronology");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains(approved).contains("Switch back to the blue wing &lt;&amp;&gt;")
                .contains("shift in measurement timing").doesNotContain(pending).doesNotContain("internal " + approved);
    }

    @Test
    void theFeedIsAtomWithTheRequiredElementsForTheFeedAndEachEntry() throws Exception {
        String title = "feed " + UUID.randomUUID();
        log.approve(publicEntry(title).id(), "admin");

        HttpResponse<String> feed = get("/ops/golf/chronology.atom");

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        // RFC 4287 §4.1.1: a feed has exactly one id, title and updated, an author, and a self link
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(root, required)).as(required).hasSize(1);
        }
        assertThat(Instant.parse(children(root, "updated").getFirst().getTextContent())).isNotNull();
        List<Element> entries = children(root, "entry");
        assertThat(entries).isNotEmpty();
        List<String> titles = new ArrayList<>();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry " + required).hasSize(1);
            }
            assertThat(URI.create(children(entry, "id").getFirst().getTextContent()).isAbsolute()).isTrue();
            titles.add(children(entry, "title").getFirst().getTextContent());
        }
        assertThat(titles).anyMatch(t -> t.endsWith(title));
    }

    @Test
    void anAuthorCannotApproveTheirOwnPublicEntry() {
        LogEntry entry = publicEntry("self " + UUID.randomUUID());

        assertThatThrownBy(() -> log.approve(entry.id(), "golf-operator")).isInstanceOf(GolfRejectedException.class)
                .hasMessageStartingWith("G4:");
    }

    @Test
    void theChronologyCannotBeChangedThroughItsAddress() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/golf/chronology"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isIn(401, 403);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
