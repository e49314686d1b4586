package org.medoc.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of docs/architecture.md that the compiler cannot check, as ArchUnit rules. They are defined here
 * once and checked twice: on medoc's own classes ({@link ArchitectureRulesTests}) and on a set of deliberately bad
 * classes ({@link RulesCatchPlantedViolationsTests}), which proves that each rule can fail.
 */
final class MedocRules {

    private MedocRules() {
    }

    /** Each schema's owner: only these packages may use the schema's generated jOOQ classes. */
    static final Map<String, String> SCHEMA_OWNERS;

    static {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("archive", "org.medoc.archive..");
        owners.put("products", "org.medoc.products..");
        owners.put("releases", "org.medoc.release..");
        owners.put("planning", "org.medoc.planner..");
        owners.put("auth", "org.medoc.security..");
        owners.put("ops", "org.medoc.ops..");
        owners.put("audit", "org.medoc.audit..");
        SCHEMA_OWNERS = Map.copyOf(owners);
    }

    /**
     * Feature packages must not depend on each other in a cycle: within every area ({@code org.medoc.<area>.<feature>},
     * e.g. archive.ingest, products.chain, release.doi, planner.study, ops.golf, ui.planning — areas to come included),
     * and between the areas themselves ({@code org.medoc.<area>}: the modules, security, demo, cli, docs, ui).
     */
    static final List<String> FEATURE_SLICES = List.of("org.medoc.(*).(*)..", "org.medoc.(*)..");

    /** Packages of the domain, which stay free of Vaadin: views live in org.medoc.ui and call their services. */
    static final String[] DOMAIN_PACKAGES = {"org.medoc.archive..", "org.medoc.products..", "org.medoc.release..",
            "org.medoc.planner..", "org.medoc.ops..", "org.medoc.audit.."};

    /** No class outside the schema's owner references a generated jOOQ class of that schema. */
    static ArchRule schemaUsedOnlyByItsOwner(String schema) {
        String owner = SCHEMA_OWNERS.get(schema);
        return noClasses().that().resideOutsideOfPackages(owner, "org.medoc.db.jooq..")
                .should().dependOnClassesThat().resideInAPackage("org.medoc.db.jooq." + schema + "..")
                .because("the " + schema + " schema belongs to " + owner.replace("..", "")
                        + ": other modules ask its services (docs/architecture.md, schema ownership)");
    }

    static ArchRule noCyclesBetweenFeaturePackages(String slicePattern) {
        return slices().matching(slicePattern).should().beFreeOfCycles()
                .because("package by feature: features depend one way, so each can be read and changed alone");
    }

    static ArchRule domainFreeOfVaadin() {
        return noClasses().that().resideInAnyPackage(DOMAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..")
                .because("the domain is reachable from the API, the command line and tests without a UI; views live in org.medoc.ui");
    }

    /** The planted violations: classes named Planted*, left out of every import but their own. */
    static final String PLANTED = "/Planted";

    /**
     * The main classes among {@code classes}: those not read from a test output directory (the main classes of the
     * other modules come from their jars or {@code target/classes}, the tests from {@code target/test-classes}).
     */
    static JavaClasses mainOnly(JavaClasses classes) {
        return classes.that(DescribedPredicate.describe("main classes", (JavaClass c) -> c.getSource()
                .map(source -> !source.getUri().toString().contains("/test-classes/")).orElse(true)));
    }

    /**
     * Every medoc class, main and test, of every module: planner-ui's classpath holds the main classes of all modules
     * and planner-ui's tests; the other modules' tests are read from their build output, which the reactor build makes
     * before planner-ui's tests run.
     */
    static JavaClasses medoc() {
        List<Location> testOutputs = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : List.of("db", "archive-core", "products", "release-manager")) {
            Path classes = root.resolve(module).resolve("target/test-classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException("no test classes at " + classes + ": run the rules from the whole build ("
                        + "./mvnw verify, or ./mvnw test-compile first), so that every module's tests are checked");
            }
            testOutputs.add(Location.of(classes));
        }
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains(PLANTED))
                .importLocations(all(testOutputs));
        if (classes.size() < 500) {
            throw new IllegalStateException("only " + classes.size() + " classes imported: the rules would prove nothing");
        }
        return classes;
    }

    private static List<Location> all(List<Location> testOutputs) {
        List<Location> locations = new ArrayList<>(testOutputs);
        locations.addAll(com.tngtech.archunit.core.importer.Locations.ofPackage("org.medoc"));
        return locations;
    }

    /** Only the planted violations. */
    static JavaClasses planted() {
        return new ClassFileImporter()
                .withImportOption(location -> location.contains(PLANTED))
                .importPackages("org.medoc");
    }
}
