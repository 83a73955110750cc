package cn.servicemap.gis.population;

import java.util.Objects;

/**
 * What the values of a {@link PopulationSurface} count, in which unit, and how they were made: the words a report
 * shows beside every figure summed from them.
 *
 * @param kind     whom the surface counts
 * @param unitZh   the unit of a cell's value, e.g. 人, 米, 加权网点数（相对值）
 * @param unitEn   the same in English: people, metres, outlet weights (relative units)
 * @param methodZh how the values were made, one or two sentences (weights, sources, what was left out)
 * @param methodEn the same in English
 * @param relative true when the unit is a relative one (weighted counts or lengths): only shares and comparisons of
 *                 the surface mean something, not its absolute sums
 */
public record Demand(DemandKind kind, String unitZh, String unitEn, String methodZh, String methodEn, boolean relative) {

    public Demand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitZh, "unitZh");
        Objects.requireNonNull(unitEn, "unitEn");
        Objects.requireNonNull(methodZh, "methodZh");
        Objects.requireNonNull(methodEn, "methodEn");
    }

    /** The residents of a population surface built from the census; each district's share says how it was spread. */
    public static Demand residents() {
        return new Demand(DemandKind.RESIDENTS, "人", "people",
                "常住人口：各区县的普查人口中住在路网覆盖部分的人数，按住宅建筑面积、居住用地或道路长度分配到网格（各区县的估算与分配方法见其说明）",
                "residents: each district's census people living in the part the road network covers, spread over the "
                        + "cells by dwelling floor area, residential land or road length (each district's method says how)",
                false);
    }
}
