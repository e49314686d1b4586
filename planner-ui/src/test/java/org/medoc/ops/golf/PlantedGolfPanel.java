package org.medoc.ops.golf;

import com.vaadin.flow.component.button.Button;

/** A planted violation (never run): a Vaadin component in the GOLF operations domain, which must stay UI-free. */
class PlantedGolfPanel {
    Button acknowledge() {
        return new Button("Acknowledge");
    }
}
