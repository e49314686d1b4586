package org.medoc.capabilities;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.archive.catalogue.CatalogueService;
import org.medoc.archive.registry.Registry;
import org.medoc.products.catalogue.ProductCatalogue;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductType;
import org.medoc.release.model.Release;
import org.medoc.release.model.ReleaseState;
import org.medoc.release.release.ReleaseService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What can be searched here, in one document: missions, instruments with the time they cover, detectors with their
 * wavelengths and levels, product types with their versions, and release collections with their published versions.
 * Clients (the Python client, its Fido plugin) build their vocabularies from it instead of shipping static lists that
 * go stale. It spans the archive, the products and the releases, so it lives in the application that holds all three;
 * each part comes from its owner's public service. Anonymous callers see what is public.
 */
@RestController
@Tag(name = "Capabilities", description = "What this medoc installation can be searched for")
public class CapabilitiesController {

    /** The whole document. */
    public record Capabilities(String provider, List<MissionTerm> missions, List<InstrumentTerm> instruments,
                               List<DetectorTerm> detectors, List<ProductTypeTerm> productTypes,
                               List<ReleaseCollectionTerm> releaseCollections) {}

    public record MissionTerm(String code, String name) {}

    /** An instrument with the span of its catalogued observations (null bounds and 0 when none are catalogued). */
    public record InstrumentTerm(String mission, String code, String name, Instant firstObservation,
                                 Instant lastObservation, long observations) {}

    /**
     * A detector ({@code qualifiedName} is MEDOC's INSTRUMENT/DETECTOR form): its nominal wavelengths from the registry,
     * the wavelengths and levels catalogued, and the time it covers.
     */
    public record DetectorTerm(String mission, String instrument, String detector, String qualifiedName,
                               List<Double> wavelengthsAngstrom, List<Double> catalogedWavelengthsAngstrom,
                               List<String> levels, Instant firstObservation, Instant lastObservation, long observations) {}

    /** A product type: its current and installed versions and, per catalogued version, how many and when. */
    public record ProductTypeTerm(String type, String title, String currentVersion, List<String> versions,
                                  long cadenceSeconds, List<ProductVersionTerm> catalogued) {}

    public record ProductVersionTerm(String version, long products, Instant firstReferenceTime, Instant lastReferenceTime) {}

    /** A collection with its published versions, newest first. */
    public record ReleaseCollectionTerm(String collection, String title, List<ReleaseVersionTerm> versions) {}

    public record ReleaseVersionTerm(String version, String identifier, String state, Instant publishedAt) {}

    private final Registry registry;
    private final CatalogueService catalogue;
    private final ProductChain chain;
    private final ProductCatalogue products;
    private final ReleaseService releases;

    public CapabilitiesController(Registry registry, CatalogueService catalogue, ProductChain chain,
                                  ProductCatalogue products, ReleaseService releases) {
        this.registry = registry;
        this.catalogue = catalogue;
        this.chain = chain;
        this.products = products;
        this.releases = releases;
    }

    @GetMapping("/api/v1/capabilities")
    @Operation(summary = "Missions, instruments (time coverage), detectors (wavelengths, levels), product types (versions) "
            + "and release collections that searches accept")
    public Capabilities capabilities() {
        List<CatalogueService.Holding> holdings = catalogue.holdings();
        List<InstrumentTerm> instruments = registry.instruments().stream().map(i -> {
            List<CatalogueService.Holding> own = holdings.stream()
                    .filter(h -> h.mission().equals(i.missionCode()) && h.instrument().equals(i.code())).toList();
            return new InstrumentTerm(i.missionCode(), i.code(), i.name(), first(own), last(own),
                    own.stream().mapToLong(CatalogueService.Holding::observations).sum());
        }).toList();
        List<DetectorTerm> detectors = registry.detectors().stream().map(d -> {
            List<CatalogueService.Holding> own = holdings.stream().filter(h -> h.mission().equals(d.missionCode())
                    && h.instrument().equals(d.instrumentCode()) && d.code().equalsIgnoreCase(h.detector())).toList();
            TreeSet<Double> wavelengths = new TreeSet<>();
            TreeSet<String> levels = new TreeSet<>();
            own.forEach(h -> {
                wavelengths.addAll(h.wavelengthsAngstrom());
                levels.addAll(h.levels());
            });
            return new DetectorTerm(d.missionCode(), d.instrumentCode(), d.code(), d.qualifiedName(), d.wavelengthsAngstrom(),
                    List.copyOf(wavelengths), List.copyOf(levels), first(own), last(own),
                    own.stream().mapToLong(CatalogueService.Holding::observations).sum());
        }).toList();
        return new Capabilities("MEDOC", registry.missions().stream().map(m -> new MissionTerm(m.code(), m.name())).toList(),
                instruments, detectors, productTypes(), releaseCollections());
    }

    private List<ProductTypeTerm> productTypes() {
        List<ProductCatalogue.Holding> holdings = products.holdings();
        Map<String, ProductTypeTerm> types = new LinkedHashMap<>();
        for (ProductType type : chain.productTypes()) {
            types.put(type.type(), new ProductTypeTerm(type.type(), type.description().title(), type.version(), type.versions(),
                    type.description().cadence().toSeconds(), catalogued(holdings, type.type())));
        }
        // types catalogued by an earlier installation whose recipe is no longer installed stay searchable
        holdings.stream().map(ProductCatalogue.Holding::type).distinct().filter(t -> !types.containsKey(t))
                .forEach(t -> types.put(t, new ProductTypeTerm(t, null, null,
                        catalogued(holdings, t).stream().map(ProductVersionTerm::version).toList(), 0, catalogued(holdings, t))));
        return List.copyOf(types.values());
    }

    private static List<ProductVersionTerm> catalogued(List<ProductCatalogue.Holding> holdings, String type) {
        return holdings.stream().filter(h -> h.type().equals(type))
                .map(h -> new ProductVersionTerm(h.version(), h.products(), h.firstReferenceTime(), h.lastReferenceTime())).toList();
    }

    private List<ReleaseCollectionTerm> releaseCollections() {
        Map<String, List<ReleaseVersionTerm>> versions = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Release release : releases.list(false)) {
            if (release.state() != ReleaseState.PUBLISHED) {
                continue;
            }
            versions.computeIfAbsent(release.collection(), c -> new ArrayList<>()).add(new ReleaseVersionTerm(release.version(),
                    release.identifier(), release.state().name(), release.publishedAt()));
            titles.computeIfAbsent(release.collection(), c -> releases.collection(c).map(r -> r.title()).orElse(c));
        }
        return versions.entrySet().stream().map(e -> new ReleaseCollectionTerm(e.getKey(), titles.get(e.getKey()),
                e.getValue().stream().sorted((a, b) -> b.publishedAt().compareTo(a.publishedAt())).toList())).toList();
    }

    private static Instant first(List<CatalogueService.Holding> holdings) {
        return holdings.stream().map(CatalogueService.Holding::firstObservation).min(Instant::compareTo).orElse(null);
    }

    private static Instant last(List<CatalogueService.Holding> holdings) {
        return holdings.stream().map(CatalogueService.Holding::lastObservation).max(Instant::compareTo).orElse(null);
    }
}
