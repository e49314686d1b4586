package org.medoc.products.synoptic;

/**
 * The plate-carrée (CAR) grid of a synoptic map: {@code columns} cells of Carrington longitude over 0–360° and
 * {@code rows} cells of latitude over −90…90°, cell centres at (i + ½)·360/columns and −90 + (j + ½)·180/rows.
 * The default is 0.1° (3600 × 1800).
 */
public record CarringtonGrid(int columns, int rows) {

    public CarringtonGrid {
        if (columns < 2 || rows < 2 || (long) columns * rows > 100_000_000L) {
            throw new IllegalArgumentException("a synoptic grid needs 2 to 10⁸ cells in each direction, was "
                    + columns + " × " + rows);
        }
    }

    /** The grid of a resolution in degrees that divides 180, e.g. 0.1 → 3600 × 1800. */
    public static CarringtonGrid ofResolution(double degrees) {
        long rows = Math.round(180 / degrees);
        if (!(degrees > 0) || Math.abs(rows * degrees - 180) > 1e-9 * 180) {
            throw new IllegalArgumentException("the synoptic resolution must divide 180°, was " + degrees + "°");
        }
        return new CarringtonGrid((int) (2 * rows), (int) rows);
    }

    public double longitudeStepDeg() {
        return 360.0 / columns;
    }

    public double latitudeStepDeg() {
        return 180.0 / rows;
    }

    public double longitudeDeg(int column) {
        return (column + 0.5) * longitudeStepDeg();
    }

    public double latitudeDeg(int row) {
        return -90 + (row + 0.5) * latitudeStepDeg();
    }

    public long cells() {
        return (long) columns * rows;
    }
}
