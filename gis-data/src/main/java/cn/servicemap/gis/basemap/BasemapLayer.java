package cn.servicemap.gis.basemap;

/**
 * The layers of a basemap tile, in drawing order (bottom first). The JSON names are the lower-case
 * {@link #key()}s; a client draws them in this order.
 */
public enum BasemapLayer {
    /** Residential, commercial, industrial land: faint fills that give the city its texture. */
    LANDUSE,
    /** Parks, grass, woods, pitches. */
    GREEN,
    /** Rivers, lakes, ponds as areas. */
    WATER,
    /** Rivers, canals, streams as lines. */
    WATERWAY,
    BUILDINGS,
    /** Streets by class; tunnels and bridges flagged. */
    ROADS,
    RAILWAYS,
    /** Names to draw: places, POIs, water and parks as points; road names as points with an angle. */
    LABELS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
