package org.medoc.cli;

import org.junit.jupiter.api.Test;
import org.medoc.planner.PlanningIntegrationTest;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.catalogue.ProductQuery;
import org.medoc.products.chain.InputSet;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code medoc products reprocess} on the application's context: a campaign over the demo's first AIA sets is followed
 * to its end with progress lines, each map made once (or skipped when the demo made it first); usage errors exit with 2.
 */
@PlanningIntegrationTest
class ReprocessCommandTests {

    @Autowired ProductsCommand command;
    @Autowired ProductCatalogue catalogue;
    @Autowired ProductChain chain;

    private record Run(int status, String output) {}

    private Run run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void followsACampaignOverDemoDaysWithProgressLinesAndMakesEachMapOnce() {
        // the demo's AIA sets: their maps may be made by now (skipped) or still on the way (made by the campaign)
        List<InputSet> sets = chain.recipe("dem").inputSets().find(Instant.parse("2000-01-01T00:00:00Z"), Instant.now());
        assertThat(sets).as("the demo ingests AIA six-channel sets").hasSizeGreaterThanOrEqualTo(2);
        Instant first = sets.getFirst().referenceTime();
        Instant last = sets.get(Math.min(2, sets.size() - 1)).referenceTime();
        int count = chain.recipe("dem").inputSets().find(first, last).size();

        Run reprocess = run("reprocess", "--type", "dem", "--version=1.0", "--from", first.toString(), "--to", last.toString(),
                "--every", "1");

        assertThat(reprocess.status()).as(reprocess.output()).isZero();
        assertThat(reprocess.output()).containsPattern("campaign \\d+ started: dem 1.0 from " + first + " to " + last)
                .containsPattern("\\d\\d:\\d\\d:\\d\\d  made \\d+, skipped \\d+, failed 0, remaining 0 of " + count)
                .containsPattern("campaign \\d+ finished: " + count + " items, made \\d+, skipped \\d+ \\(already made\\), failed 0, cancelled 0");
        assertThat(catalogue.search(new ProductQuery("dem", first, last, "1.0", 0, 1000)).total())
                .as("one map per set, none twice").isEqualTo(count);
    }

    @Test
    void aMissingOptionAnUnknownVersionOrABadTimeIsAUsageError() {
        Run missing = run("reprocess", "--type", "dem");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.output()).contains("--type, --from and --to are needed").contains("usage: medoc products reprocess");

        Run version = run("reprocess", "--type", "dem", "--version", "9.9", "--from", "2024-01-01", "--to", "2024-01-02");
        assertThat(version.status()).isEqualTo(2);
        assertThat(version.output()).contains("version '9.9' of dem is not installed; installed versions: 1.0");

        Run time = run("reprocess", "--type", "dem", "--from", "yesterday", "--to", "2024-01-02");
        assertThat(time.status()).isEqualTo(2);
        assertThat(time.output()).contains("'yesterday' is not an ISO-8601 UTC time");

        Run type = run("reprocess", "--type", "nonsense", "--from", "2024-01-01", "--to", "2024-01-02");
        assertThat(type.status()).isEqualTo(2);
        assertThat(type.output()).contains("unknown product type 'nonsense'");
    }
}
