package org.medoc.release.plantedcyclea;

import org.medoc.release.plantedcycleb.PlantedCycleB;

/** A planted violation (never run): two feature packages that depend on each other. */
public class PlantedCycleA {
    public PlantedCycleB partner() {
        return new PlantedCycleB();
    }
}
