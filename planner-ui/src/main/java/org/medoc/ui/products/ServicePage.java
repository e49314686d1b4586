package org.medoc.ui.products;

import org.medoc.docs.DocumentationLibrary;
import org.medoc.products.chain.ProductDescription;
import org.medoc.products.chain.ProductType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What the Products area shows for one installed product type, from its recipe's description alone: the view lays it
 * out and nothing in it is written for one type. Ids are derived from the type ({@code dem-service},
 * {@code dem-algorithm-link}) so that pages and tests can find one chain's page.
 *
 * @param type              the product type, e.g. {@code dem}
 * @param version           its current version
 * @param tabLabel          the tab's label
 * @param heading           the page's heading
 * @param paragraphs        what the product is
 * @param inputRule         "Inputs: …"
 * @param cadence           "A product every …"
 * @param legend            one line per preview image: what it shows and its colour bar
 * @param reading           how to read the previews, empty when the recipe says nothing
 * @param documentationHref the algorithm's page in the Documentation area, null when there is none
 * @param apiExample        how programs ask for this type's products
 */
record ServicePage(String type, String version, String tabLabel, String heading, List<String> paragraphs, String inputRule,
                   String cadence, List<String> legend, String reading, String documentationHref, String apiExample) {

    /** Said of every product, whatever its chain: the chain engine records it. */
    static final String PROVENANCE = "Every product lists its input observations (with their SHA-256), the parameters, "
            + "the software version and the run that made it. Reprocessing with a new version keeps the old versions.";

    static ServicePage of(ProductType product) {
        ProductDescription d = product.description();
        return new ServicePage(product.type(), product.version(), d.name(), d.title(), d.paragraphs(),
                "Inputs: " + d.inputRule() + ".",
                "A product every " + d.cadenceInWords() + " of observation time; version " + product.version()
                        + (product.versions().size() > 1 ? " (installed: " + String.join(", ", product.versions()) + ")" : "")
                        + ".",
                d.previews().stream().map(ProductDescription.Preview::legend).toList(),
                d.reading().isBlank() ? "" : "How to read them: " + d.reading(),
                d.documentation() == null ? null : DocumentationLibrary.ROUTE + "/" + d.documentation(),
                "Programs use the API: GET /api/v1/products?type=" + product.type() + "&from=…&to=…&version=…");
    }

    String pageId() {
        return type + "-service";
    }

    String tabId() {
        return "tab-service-" + type;
    }

    String documentationId() {
        return type + "-algorithm-link";
    }

    /**
     * The product types to search: the installed ones, then those only the catalogue still holds (a chain removed from
     * this installation leaves its products searchable), each once.
     */
    static List<String> searchableTypes(List<ProductType> installed, Collection<String> catalogued) {
        List<String> types = new ArrayList<>(installed.stream().map(ProductType::type).toList());
        new TreeSet<>(catalogued).stream().filter(type -> !types.contains(type)).forEach(types::add);
        return types;
    }
}
