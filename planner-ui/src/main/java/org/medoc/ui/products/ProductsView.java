package org.medoc.ui.products;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.medoc.ui.base.ComingSoon;

/** Products: DEM maps, synoptic maps, electric currents. Placeholder until the products module has its services. */
@Route("products")
@PageTitle("Products · medoc")
@AnonymousAllowed
public class ProductsView extends ComingSoon {
    public ProductsView() {
        super("Products", "browse the derived products (DEM maps, synoptic maps, photospheric electric currents) "
                + "with their provenance and versions, and follow the product chains' runs.");
    }
}
