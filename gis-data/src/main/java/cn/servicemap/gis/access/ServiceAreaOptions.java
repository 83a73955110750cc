package cn.servicemap.gis.access;

import cn.servicemap.gis.network.BoundingBox;

import java.util.List;

/**
 * Options for {@link ServiceAreas}.
 *
 * @param bandLimitsInSeconds            increasing band limits, e.g. 300, 600, 900 (5/10/15 min)
 * @param cellSizeInMeters               raster cell edge; the outline is exact to about one cell
 * @param maxCells                       upper bound on raster cells; the cell size grows to respect it
 * @param window                         only this WGS84 box (a map tile, a district's box), or null for all: a
 *                                       whole city at 10 m is drawn tile by tile, and a what-if redraws only the
 *                                       tiles its changed nodes touch
 */
public record ServiceAreaOptions(List<Integer> bandLimitsInSeconds, double cellSizeInMeters, int maxCells,
                                 BoundingBox window) {

    /**
     * How far from a reached street a place still counts as reached (the walk from the street into a block), in
     * metres; a place takes the time of its nearest street, just as a snapped point does.
     */
    public static final double OFF_ROAD_REACH_IN_METERS = 60;

    /**
     * Holes smaller than this (m²) that contain no street at all (block interiors, courtyards) are filled; holes
     * with an unreached street are never filled.
     */
    public static final double MAX_FILLED_HOLE_AREA_IN_SQUARE_METERS = 250_000;

    public ServiceAreaOptions {
        bandLimitsInSeconds = List.copyOf(bandLimitsInSeconds);
        if (bandLimitsInSeconds.isEmpty())
            throw new IllegalArgumentException("at least one band");
        for (int i = 0; i < bandLimitsInSeconds.size(); i++)
            if (bandLimitsInSeconds.get(i) <= 0 || i > 0 && bandLimitsInSeconds.get(i) <= bandLimitsInSeconds.get(i - 1))
                throw new IllegalArgumentException("band limits must be positive and increasing: " + bandLimitsInSeconds);
        if (!(cellSizeInMeters > 0) || maxCells < 1024)
            throw new IllegalArgumentException("bad raster options");
    }

    /**
     * 5/10/15 minutes, 10 m cells, at most 16 M cells (a 40 km × 40 km area at 10 m; beyond, cells grow), no
     * window.
     */
    public static ServiceAreaOptions defaults() {
        return new ServiceAreaOptions(List.of(300, 600, 900), 10, 16_000_000, null);
    }

    public ServiceAreaOptions withWindow(BoundingBox window) {
        return new ServiceAreaOptions(bandLimitsInSeconds, cellSizeInMeters, maxCells, window);
    }

    public ServiceAreaOptions withBands(List<Integer> bandLimitsInSeconds) {
        return new ServiceAreaOptions(bandLimitsInSeconds, cellSizeInMeters, maxCells, window);
    }

    public ServiceAreaOptions withCellSize(double cellSizeInMeters) {
        return new ServiceAreaOptions(bandLimitsInSeconds, cellSizeInMeters, maxCells, window);
    }
}
