package cn.servicemap.compliance;

/**
 * What the compliance table measures per district and region, each against one policy target (its code in
 * {@code policy-targets.csv}). The walk time of the service circle is itself a target ({@code SHUANG15_WALK_TIME}).
 */
public enum Measure {
    /** Share of the people within the walk time of an outdoor-worker station (服务圈人口覆盖率), in per cent. */
    WALK_PEOPLE_SHARE("服务圈人口覆盖率", "SHUANG15_COVERAGE_SHARE", "人"),
    /** Share of the road length within the walk time of an outdoor-worker station (服务圈道路覆盖率), in per cent. */
    WALK_ROAD_SHARE("服务圈道路覆盖率", "SHUANG15_COVERAGE_SHARE", "km"),
    /** Share of the people within the walk time of two or more outdoor-worker stations (交叉覆盖), in per cent. */
    CROSS_PEOPLE_SHARE("交叉覆盖人口比例", "SHUANG15_OVERLAP_SHARE", "人"),
    /** Share of the road length within the walk time of two or more outdoor-worker stations, in per cent. */
    CROSS_ROAD_SHARE("交叉覆盖道路比例", "SHUANG15_OVERLAP_SHARE", "km"),
    /** Open workers' cultural palaces (工人文化宫) in the district; the region row counts the city's. */
    CULTURAL_PALACES("工人文化宫", "CULTURAL_PALACE_COVERAGE", "个"),
    /** Open 会·站·家 points (kinds marked integrated_point in the catalog) in the district (county). */
    INTEGRATED_POINTS("会·站·家阵地", "COUNTY_INTEGRATED_POINTS", "个"),
    /** Open outdoor-worker stations per 10,000 of the people counted (每万人驿站数). */
    STATIONS_PER_10K("每万人驿站数", "STATIONS_PER_10K", "个");

    private final String nameZh;
    private final String targetCode;
    private final String shortfallUnit;

    Measure(String nameZh, String targetCode, String shortfallUnit) {
        this.nameZh = nameZh;
        this.targetCode = targetCode;
        this.shortfallUnit = shortfallUnit;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The policy target it is measured against. */
    public String targetCode() {
        return targetCode;
    }

    /** What its shortfall counts: people (人), road-km (km) or stations, palaces, points (个). */
    public String shortfallUnit() {
        return shortfallUnit;
    }

    boolean isShare() {
        return this == WALK_PEOPLE_SHARE || this == WALK_ROAD_SHARE || this == CROSS_PEOPLE_SHARE || this == CROSS_ROAD_SHARE;
    }
}
