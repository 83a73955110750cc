package cn.servicemap.gis.population;

import java.util.List;
import java.util.Locale;

/**
 * Weights for spreading the people of one district part over its cells (dasymetric mapping), from
 * what the cells hold ({@link CellContent}), by the first rule the part's data allow:
 * <ol>
 * <li><b>Dwelling floor area</b>, when dwellings are mapped in the part. Cells with any building
 *     outline weigh their dwelling floor area (an office block weighs 0). Cells without any outline
 *     are taken as not yet mapped rather than empty — OSM building coverage in Chinese cities comes
 *     in patches, and the Nanjing core has a 0.4 km² residential quarter mapped only as
 *     {@code landuse=residential} — and are imputed at the part's own ratios measured on its mapped
 *     cells: residential land × dwelling floor per m² of mapped cell, else road length × dwelling
 *     floor per metre of road in mapped cells. When every cell has outlines this is plain floor area.</li>
 * <li><b>Residential land area</b>, when the part has no dwellings but has {@code landuse=residential}.</li>
 * <li><b>Walkable road length</b>, when it has neither.</li>
 * <li><b>Cell area</b>, when it has nothing mapped.</li>
 * </ol>
 * Limits: a park or square without buildings but with footpaths, inside an otherwise mapped part,
 * is imputed people from its paths.
 */
final class DasymetricSpread {

    /**
     * @param weighting          the rule used
     * @param weights            one weight per cell, ≥ 0, not all zero unless every cell is empty
     * @param cellsWithBuildings cells with any building outline
     * @param imputedFromLand    cells without outlines weighted by residential land (rule 1 only)
     * @param imputedFromRoads   cells without outlines weighted by road length (rule 1 only)
     * @param description        what the weights are, for the report
     */
    record Result(Weighting weighting, double[] weights, int cellsWithBuildings, int imputedFromLand,
                  int imputedFromRoads, String description) {
    }

    private DasymetricSpread() {
    }

    static Result weigh(List<CellContent> cells, double defaultLevels) {
        int n = cells.size();
        double[] w = new double[n];
        int withBuildings = 0;
        double floorMapped = 0;
        double areaMapped = 0;
        double roadMapped = 0;
        double land = 0;
        double road = 0;
        for (CellContent c : cells) {
            if (c.hasBuildings()) {
                withBuildings++;
                floorMapped += c.dwellingFloorInSquareMeters();
                areaMapped += c.areaInSquareMeters();
                roadMapped += c.roadLengthInMeters();
            }
            land += c.residentialLandInSquareMeters();
            road += c.roadLengthInMeters();
        }
        if (floorMapped > 0) {
            double floorPerSquareMeter = floorMapped / areaMapped;
            double floorPerRoadMeter = roadMapped > 0 ? floorMapped / roadMapped : 0;
            int fromLand = 0;
            int fromRoads = 0;
            for (int i = 0; i < n; i++) {
                CellContent c = cells.get(i);
                if (c.hasBuildings()) {
                    w[i] = c.dwellingFloorInSquareMeters();
                } else if (c.residentialLandInSquareMeters() > 0) {
                    w[i] = c.residentialLandInSquareMeters() * floorPerSquareMeter;
                    fromLand++;
                } else if (c.roadLengthInMeters() > 0 && floorPerRoadMeter > 0) {
                    w[i] = c.roadLengthInMeters() * floorPerRoadMeter;
                    fromRoads++;
                }
            }
            String text = String.format(Locale.ROOT, "%s (footprint × building:levels, else height ÷ %.0f m, else %.0f "
                            + "storeys; offices, shops, stations … count zero) in the %,d cells with buildings; of the "
                            + "cells without, %,d imputed from residential land at %.2f m² of dwelling floor per m² and "
                            + "%,d from road length at %.0f m² per metre, as measured on the cells with buildings",
                    Weighting.BUILDING_FLOOR_AREA.description(), BuildingTags.STOREY_HEIGHT_IN_METERS, defaultLevels,
                    withBuildings, fromLand, floorPerSquareMeter, fromRoads, floorPerRoadMeter);
            return new Result(Weighting.BUILDING_FLOOR_AREA, w, withBuildings, fromLand, fromRoads, text);
        }
        Weighting weighting = land > 0 ? Weighting.RESIDENTIAL_LAND
                : road > 0 ? Weighting.ROAD_LENGTH : Weighting.CELL_AREA;
        for (int i = 0; i < n; i++) {
            CellContent c = cells.get(i);
            w[i] = switch (weighting) {
                case RESIDENTIAL_LAND -> c.residentialLandInSquareMeters();
                case ROAD_LENGTH -> c.roadLengthInMeters();
                default -> c.areaInSquareMeters();
            };
        }
        return new Result(weighting, w, withBuildings, 0, 0, weighting.description());
    }
}
