package org.medoc.ui.release;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.medoc.ui.base.ComingSoon;

/**
 * Release management. Served at {@code /release-manager}: {@code /releases/...} is kept for the public,
 * server-rendered landing pages.
 */
@Route("release-manager")
@PageTitle("Releases · medoc")
@RolesAllowed("RELEASE_MANAGER")
public class ReleaseManagerView extends ComingSoon {
    public ReleaseManagerView() {
        super("Releases", "select observations and products into a draft release, freeze it, build its BagIt package, "
                + "register its DOI and publish its landing page.");
    }
}
