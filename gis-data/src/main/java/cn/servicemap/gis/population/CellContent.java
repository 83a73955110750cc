package cn.servicemap.gis.population;

/**
 * What one cell (or piece of a cell) holds, measured in a local metric projection.
 *
 * @param areaInSquareMeters              the cell's own area
 * @param dwellingFloorInSquareMeters     floor area of dwellings: footprint inside the cell × storeys
 * @param buildingFootprintInSquareMeters footprint of all buildings inside the cell, dwellings or not
 * @param residentialLandInSquareMeters   {@code landuse=residential} inside the cell
 * @param roadLengthInMeters              walkable road inside the cell
 */
record CellContent(double areaInSquareMeters, double dwellingFloorInSquareMeters, double buildingFootprintInSquareMeters,
                   double residentialLandInSquareMeters, double roadLengthInMeters) {

    /** True when any building outline is mapped in the cell. */
    boolean hasBuildings() {
        return buildingFootprintInSquareMeters > 0;
    }
}
