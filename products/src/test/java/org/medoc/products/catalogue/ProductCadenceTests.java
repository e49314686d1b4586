package org.medoc.products.catalogue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medoc.archive.catalogue.InvalidQueryException;
import org.medoc.archive.ingest.IngestService;
import org.medoc.products.DemoArchive;
import org.medoc.products.ProductsTestApplication;
import org.medoc.products.chain.ProductChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cadence filter of product searches: one product per type and version per interval, the first of it. */
@SpringBootTest(classes = ProductsTestApplication.class)
class ProductCadenceTests {

    /** Four AIA sets half an hour apart, so four products of the test recipe 'summary', 00:00 to 01:30. */
    private static final Instant DAY = Instant.parse("2034-02-01T00:00:00Z");
    private static final Instant END = DAY.plus(Duration.ofHours(2));

    @Autowired IngestService ingest;
    @Autowired ProductChain chain;
    @Autowired ProductCatalogue catalogue;

    @BeforeEach
    void fourProducts() {
        if (catalogue.search(new ProductQuery("summary", DAY, END, null, 0, 10)).total() < 4) {
            DemoArchive.ingest(ingest, DAY, 4);
            chain.runRange("summary", DAY, END, outcome -> { });
        }
    }

    private static List<Instant> times(ProductSearchResult result) {
        return result.items().stream().map(ProductSummary::referenceTime).toList();
    }

    @Test
    void anHourlyCadenceKeepsTheFirstProductOfEachHour() {
        assertThat(catalogue.search(new ProductQuery("summary", DAY, END, null, 0, 10)).total()).isEqualTo(4);
        ProductSearchResult hourly = catalogue.search(new ProductQuery("summary", DAY, END, null, 0, 10, Duration.ofHours(1)));
        assertThat(hourly.total()).isEqualTo(2);
        // newest first, as every product search
        assertThat(times(hourly)).containsExactly(DAY.plus(Duration.ofHours(1)), DAY);
    }

    @Test
    void pagesOverACadenceAddUpToTheWholeResult() {
        List<Instant> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ProductSearchResult result = catalogue.search(new ProductQuery("summary", DAY, END, null, page, 1, Duration.ofMinutes(45)));
            assertThat(result.total()).isEqualTo(3);
            paged.addAll(times(result));
        }
        // 45-minute intervals from 00:00: [00:00, 00:45) holds 00:00 and 00:30, [00:45, 01:30) holds 01:00, then 01:30
        assertThat(paged).containsExactly(DAY.plus(Duration.ofMinutes(90)), DAY.plus(Duration.ofMinutes(60)), DAY);
    }

    @Test
    void aCadenceUnderOneSecondIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new ProductQuery("summary", DAY, END, null, 0, 10, Duration.ZERO))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("cadence"));
    }
}
