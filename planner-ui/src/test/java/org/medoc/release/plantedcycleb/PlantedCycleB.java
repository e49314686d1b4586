package org.medoc.release.plantedcycleb;

import org.medoc.release.plantedcyclea.PlantedCycleA;

/** A planted violation (never run): the other half of the cycle. */
public class PlantedCycleB {
    public PlantedCycleA partner() {
        return new PlantedCycleA();
    }
}
