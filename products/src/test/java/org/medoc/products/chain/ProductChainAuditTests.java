package org.medoc.products.chain;

import org.junit.jupiter.api.Test;
import org.medoc.audit.AuditEvent;
import org.medoc.audit.AuditQuery;
import org.medoc.audit.AuditTrail;
import org.medoc.products.ProductsTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A product's failed run, the retry an archivist asks for and the product finally made, in the audit trail. */
@SpringBootTest(classes = ProductsTestApplication.class)
class ProductChainAuditTests {

    @Autowired ProductEngine engine;
    @Autowired ProductChain chain;
    @Autowired AuditTrail audit;
    @Autowired @Qualifier("flakyRecipe") InputSummaryRecipe flaky;

    @Test
    @WithMockUser(username = "curator", roles = "ARCHIVIST")
    void aFailedRunItsRetryAndTheProductMadeAreRecordedInOrder() {
        Instant reference = ProductsTestApplication.FLAKY_START.plus(Duration.ofMinutes(90));
        ProductInstance instance = new ProductInstance("flaky", "1.0", reference);
        flaky.failNext(reference, 1);

        assertThatThrownBy(() -> engine.run(flaky, reference, RunTrigger.COMMAND, "test")).isInstanceOf(ChainException.class);
        long failedRun = chain.runsOf(instance).getLast().id();
        chain.retry(failedRun);
        RunOutcome made = engine.run(flaky, reference, RunTrigger.RETRY, "test");

        Set<String> objects = Set.of(instance.id(), Long.toString(failedRun));
        List<AuditEvent> events = audit.search(new AuditQuery(null, null, "curator", "product.", null, null, null,
                AuditQuery.MAX_LIMIT)).events().stream().filter(event -> objects.contains(event.objectId())).toList();
        assertThat(events).extracting(AuditEvent::action).containsExactly("product.made", "product.retry", "product.failed");
        assertThat(events.get(2).detail()).contains("injected failure");
        assertThat(events.get(2).after()).contains("\"run\": " + failedRun);
        assertThat(events.get(1).before()).isEqualTo("{\"status\": \"FAILED\"}");
        assertThat(events.get(0).after()).contains("\"product\": " + made.productId()).contains("\"trigger\": \"RETRY\"");
    }
}
