package org.medoc.archive.vo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADQL to PostgreSQL, without a database: what is allowed, how it is written, and what is refused. */
class AdqlTranslatorTests {

    private static final TapTable EPN = new TapTable("medoc", "epn_core", null, "test", PublishedTables.EPN_COLUMNS,
            SqlFragment.of("SELECT * FROM granules"));
    private final AdqlTranslator translator = new AdqlTranslator(List.of(EPN));

    @Test
    void literalsBecomeBindValuesAndNeverSqlText() {
        TranslatedQuery query = translator.translate(
                "SELECT granule_uid FROM medoc.epn_core WHERE instrument_name = 'AIA'' OR 1=1 --' AND time_min > 2455000.5");

        assertThat(query.sql().sql()).doesNotContain("AIA").doesNotContain("1=1").doesNotContain("2455000");
        assertThat(query.sql().binds()).containsExactly("AIA' OR 1=1 --", 2455000.5);
    }

    @Test
    void identifiersComeFromThePublishedDescriptionsQuoted() {
        TranslatedQuery query = translator.translate("SELECT TOP 10 Granule_UID AS id, time_min FROM MEDOC.EPN_CORE AS e "
                + "WHERE e.instrument_name IN ('AIA', 'EIT') ORDER BY e.time_min DESC");

        assertThat(query.sql().sql()).isEqualTo("SELECT \"t\".\"granule_uid\" AS \"id\", \"t\".\"time_min\" AS \"time_min\" "
                + "FROM (SELECT * FROM granules) AS \"t\" WHERE (\"t\".\"instrument_name\" IN (CAST(? AS text), CAST(? AS text))) "
                + "ORDER BY \"t\".\"time_min\" DESC");
        assertThat(query.top()).isEqualTo(10);
        assertThat(query.columns()).extracting(TapColumn::name).containsExactly("id", "time_min");
        assertThat(query.columns().get(1).unit()).isEqualTo("d");
    }

    @Test
    void inFollowedByOtherConditionsKeepsItsMeaning() {
        // JSqlParser 5.3 reads the list as the first operand of the AND; the translator puts IN back
        TranslatedQuery query = translator.translate(
                "SELECT granule_uid FROM medoc.epn_core WHERE instrument_name IN ('AIA') AND processing_level = 3 OR time_min < 1");

        assertThat(query.sql().sql()).endsWith("WHERE (((\"t\".\"instrument_name\" IN (CAST(? AS text))) AND "
                + "(\"t\".\"processing_level\" = CAST(? AS bigint))) OR (\"t\".\"time_min\" < CAST(? AS double precision)))");
        assertThat(query.sql().binds()).containsExactly("AIA", 3L, 1.0);
    }

    @Test
    void notInFollowedByAnotherConditionIsNegatedAlone() {
        TranslatedQuery query = translator.translate(
                "SELECT granule_uid FROM medoc.epn_core WHERE instrument_name NOT IN ('AIA', 'EIT') AND processing_level = 3");

        assertThat(query.sql().sql()).contains("(\"t\".\"instrument_name\" NOT IN (CAST(? AS text), CAST(? AS text))) AND");
    }

    @Test
    void aDateStringComparedWithATimestampIsBoundAsATimestamp() {
        TranslatedQuery query = translator.translate(
                "SELECT granule_uid FROM medoc.epn_core WHERE creation_date >= '2024-01-01T00:00:00'");

        assertThat(query.sql().sql()).contains("\"t\".\"creation_date\" >= CAST(? AS timestamptz)");
    }

    @Test
    void hashlistMembershipIsTranslatedForEpnTapLists() {
        TranslatedQuery query = translator.translate(
                "SELECT granule_uid FROM medoc.epn_core WHERE ivo_hashlist_has(bib_reference, '10.1234/abc') = 1");

        assertThat(query.sql().sql()).contains("= ANY (string_to_array(lower(CAST(\"t\".\"bib_reference\" AS text)), '#'))");
        assertThat(query.sql().binds()).containsExactly("10.1234/abc", 1L);
    }

    @Test
    void countStarAndGroupByAreAllowed() {
        TranslatedQuery query = translator.translate(
                "SELECT instrument_name, COUNT(*) AS n FROM medoc.epn_core GROUP BY instrument_name ORDER BY n DESC");

        assertThat(query.sql().sql()).contains("count(*) AS \"n\"").contains("GROUP BY \"t\".\"instrument_name\"")
                .endsWith("ORDER BY \"n\" DESC");
        assertThat(query.columns().get(1).type()).isEqualTo(TapType.LONG);
    }

    @Test
    void selectStarListsThePublishedColumnsInOrder() {
        TranslatedQuery query = translator.translate("SELECT * FROM medoc.epn_core");

        assertThat(query.columns()).extracting(TapColumn::name)
                .containsExactlyElementsOf(PublishedTables.EPN_COLUMNS.stream().map(TapColumn::name).toList());
    }

    @Test
    void statementSeparatorsAreRefused() {
        assertRefused("SELECT * FROM medoc.epn_core; DROP TABLE archive.observation", "';' is not ADQL");
    }

    @Test
    void blockCommentsAreRefused() {
        assertRefused("SELECT * FROM medoc.epn_core /* hidden */", "block comments");
    }

    @Test
    void aLineCommentIsIgnoredAsAdqlAllows() {
        TranslatedQuery query = translator.translate("SELECT granule_uid -- the id\nFROM medoc.epn_core");

        assertThat(query.columns()).extracting(TapColumn::name).containsExactly("granule_uid");
    }

    @Test
    void unpublishedTablesAreRefusedByName() {
        assertRefused("SELECT * FROM archive.observation", "table archive.observation is not published");
    }

    @Test
    void unpublishedColumnsAreRefusedByName() {
        assertRefused("SELECT storage_key FROM medoc.epn_core", "column 'storage_key' is not in medoc.epn_core");
    }

    @Test
    void subQueriesAreRefusedWherever() {
        assertRefused("SELECT * FROM medoc.epn_core WHERE granule_uid IN (SELECT file_name FROM archive.observation)",
                "sub-queries are not supported");
        assertRefused("SELECT * FROM (SELECT * FROM archive.observation) AS o", "sub-queries are not supported");
        assertRefused("SELECT * FROM medoc.epn_core WHERE time_min > (SELECT max(id) FROM archive.observation)",
                "sub-queries are not supported");
    }

    @Test
    void functionsOutsideTheAllowedSetAreRefused() {
        assertRefused("SELECT pg_sleep(10) FROM medoc.epn_core", "function pg_sleep is not allowed");
        assertRefused("SELECT pg_catalog.lower(granule_uid) FROM medoc.epn_core", "is not allowed");
        assertRefused("SELECT * FROM medoc.epn_core WHERE CONTAINS(POINT('ICRS', 0, 0), CIRCLE('ICRS', 0, 0, 1)) = 1",
                "geometry function");
    }

    @Test
    void otherStatementsThanSelectAreRefused() {
        assertRefused("DELETE FROM medoc.epn_core", "only SELECT");
        assertRefused("INSERT INTO medoc.epn_core (granule_uid) VALUES ('x')", "only SELECT");
        assertRefused("SELECT * FROM medoc.epn_core UNION SELECT * FROM medoc.epn_core", "UNION");
        assertRefused("WITH x AS (SELECT 1) SELECT * FROM medoc.epn_core", "WITH is not supported");
    }

    @Test
    void limitIsRefusedInFavourOfTop() {
        assertRefused("SELECT * FROM medoc.epn_core LIMIT 5", "use SELECT TOP n");
    }

    @Test
    void comparingANumberWithTextIsRefused() {
        assertRefused("SELECT * FROM medoc.epn_core WHERE time_min = 'yesterday'", "cannot compare a number with text");
    }

    @Test
    void anUnclosedStringIsRefused() {
        assertRefused("SELECT * FROM medoc.epn_core WHERE granule_uid = 'x", "not closed");
    }

    private void assertRefused(String adql, String message) {
        assertThatThrownBy(() -> translator.translate(adql)).as(adql)
                .isInstanceOf(AdqlException.class).hasMessageContaining(message);
    }
}
