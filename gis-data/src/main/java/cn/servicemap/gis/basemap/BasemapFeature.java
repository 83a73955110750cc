package cn.servicemap.gis.basemap;

import org.locationtech.jts.geom.Geometry;

/**
 * One thing a basemap draws, ready for tiling: its layer, a class that picks its style
 * ("primary", "park", "suburb" …), the Chinese name where it has one, the first zoom it shows at,
 * and its geometry in Web-Mercator metres (projected once when the basemap is built, so that tiles
 * only clip and simplify).
 *
 * @param name     the name to label it with, or null
 * @param minZoom  the lowest zoom it is drawn at
 * @param flags    style modifiers: {@link #TUNNEL}, {@link #BRIDGE}
 * @param priority for labels: lower is more important (drawn first, wins collisions)
 */
public record BasemapFeature(BasemapLayer layer, String cls, String name, int minZoom, int flags, int priority,
                             Geometry mercator) {

    public static final int TUNNEL = 1;
    public static final int BRIDGE = 2;

    public boolean tunnel() {
        return (flags & TUNNEL) != 0;
    }

    public boolean bridge() {
        return (flags & BRIDGE) != 0;
    }
}
