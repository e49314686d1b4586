package org.medoc.products.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Public, read-only: the product types this installation makes, each described by its recipe. */
@RestController
@RequestMapping("/api/v1/product-types")
@Tag(name = "Products", description = "Search derived products (DEM maps, ...) and download their files")
public class ProductTypeController {

    /** Where the application serves its documentation pages (the Documentation area of the web interface). */
    static final String DOCUMENTATION_ROOT = "/documentation/";

    private final ProductChain chain;

    public ProductTypeController(ProductChain chain) {
        this.chain = chain;
    }

    @GetMapping
    @Operation(summary = "Installed product types",
            description = "Type, current and installed versions, title, description, input rule, cadence, previews and documentation page of every product type, by type")
    public List<ProductTypeResponse> types() {
        return chain.productTypes().stream().map(ProductTypeController::response).toList();
    }

    @GetMapping("/{type}")
    @Operation(summary = "One installed product type with its description")
    public ProductTypeResponse type(@PathVariable String type) {
        return chain.productTypes().stream().filter(t -> t.type().equals(type)).findFirst().map(ProductTypeController::response)
                .orElseThrow(() -> new ProductApiProblems.NotFoundException("no product type '" + type + "' is installed; "
                        + "installed: " + String.join(", ", chain.types())));
    }

    private static ProductTypeResponse response(ProductType type) {
        ProductDescription d = type.description();
        return new ProductTypeResponse(type.type(), type.version(), type.versions(), d.name(), d.title(), d.paragraphs(),
                d.inputRule(), d.cadence().toString(), d.cadence().toSeconds(),
                d.previews().stream().map(p -> new PreviewResponse(p.suffix(), p.legend())).toList(), d.reading(),
                d.documentation() == null ? null : DOCUMENTATION_ROOT + d.documentation());
    }

    /**
     * One product type. {@code cadence} is ISO-8601 (PT30M), also given in seconds; {@code documentation} is the
     * algorithm's page relative to the application root (null when there is none); the first preview is the thumbnail.
     */
    public record ProductTypeResponse(String type, String version, List<String> versions, String name, String title,
                                      List<String> description, String inputRule, String cadence, long cadenceSeconds,
                                      List<PreviewResponse> previews, String reading, String documentation) {}

    /** A preview image: how its file name ends and what it shows. */
    public record PreviewResponse(String suffix, String legend) {}
}
