package cn.servicemap.gis.population;

import org.locationtech.jts.geom.Envelope;

/**
 * A square grid in the metres of a local metric projection: {@code columns × rows} cells of
 * {@code cellInMeters}, the lower-left corner at ({@code originX}, {@code originY}). Cell index =
 * row × columns + column. Grid lines lie on whole multiples of the cell size, so grids of the same
 * cell size in the same projection line up.
 */
record MetricGrid(double originX, double originY, double cellInMeters, int columns, int rows) {

    MetricGrid {
        if (!(cellInMeters > 0) || columns < 1 || rows < 1) {
            throw new IllegalArgumentException("grid needs a positive cell size and at least one cell");
        }
        if ((long) columns * rows > 50_000_000L) {
            throw new IllegalArgumentException("grid of " + columns + " × " + rows + " cells of " + cellInMeters
                    + " m is too large; use larger cells or a smaller extract");
        }
    }

    /** The grid, aligned on multiples of the cell size, that covers {@code extent} with {@code padding} cells to spare. */
    static MetricGrid covering(Envelope extent, double cellInMeters, int padding) {
        double x0 = (Math.floor(extent.getMinX() / cellInMeters) - padding) * cellInMeters;
        double y0 = (Math.floor(extent.getMinY() / cellInMeters) - padding) * cellInMeters;
        int columns = (int) Math.floor(extent.getMaxX() / cellInMeters) + padding + 1 - (int) Math.round(x0 / cellInMeters);
        int rows = (int) Math.floor(extent.getMaxY() / cellInMeters) + padding + 1 - (int) Math.round(y0 / cellInMeters);
        return new MetricGrid(x0, y0, cellInMeters, columns, rows);
    }

    int size() {
        return columns * rows;
    }

    int column(int cell) {
        return cell % columns;
    }

    int row(int cell) {
        return cell / columns;
    }

    /** The cell containing metric point (x, y), or -1 outside the grid. */
    int cellAt(double x, double y) {
        int c = (int) Math.floor((x - originX) / cellInMeters);
        int r = (int) Math.floor((y - originY) / cellInMeters);
        return c < 0 || r < 0 || c >= columns || r >= rows ? -1 : r * columns + c;
    }

    double minX(int cell) {
        return originX + column(cell) * cellInMeters;
    }

    double minY(int cell) {
        return originY + row(cell) * cellInMeters;
    }

    double cellAreaKm2() {
        return cellInMeters * cellInMeters / 1e6;
    }
}
