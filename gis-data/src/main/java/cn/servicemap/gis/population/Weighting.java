package cn.servicemap.gis.population;

/**
 * What a district's covered-part people were spread over, cell by cell, in order of preference:
 * where the district part has dwellings mapped, their floor area; else residential land; else
 * walkable road length; else plain cell area.
 */
public enum Weighting {
    /** Floor area of dwellings: footprint × storeys, non-residential building types excluded. */
    BUILDING_FLOOR_AREA("building floor area of dwellings"),
    /** Area of {@code landuse=residential}. */
    RESIDENTIAL_LAND("residential land area (landuse=residential)"),
    /** Length of walkable roads. */
    ROAD_LENGTH("walkable road length"),
    /** Plain cell area: nothing else was mapped in the district part. */
    CELL_AREA("cell area (no dwellings, residential land or roads mapped)"),
    /** A generated pattern (synthetic regions only), denser towards the city centre. */
    SYNTHETIC_PATTERN("a generated pattern denser towards the city centre"),
    /** The district has no covered part; nothing was spread. */
    NOT_COVERED("nothing (no covered part)");

    private final String description;

    Weighting(String description) {
        this.description = description;
    }

    /** A short English phrase for reports. */
    public String description() {
        return description;
    }
}
