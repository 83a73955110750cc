package cn.servicemap.gis.osm;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One OpenStreetMap object with its tags and its geometry in WGS84 (lon/lat, SRID 4326):
 * a Point for a node, a LineString or Polygon for a way, a (Multi)Polygon for a multipolygon relation.
 *
 * @param id   the OSM id, unique only together with {@code type}
 * @param type 'n' (node), 'w' (way) or 'r' (relation)
 */
public record OsmFeature(char type, long id, Map<String, String> tags, Geometry geometry) {

    public String tag(String key) {
        return tags.get(key);
    }

    /** "node/123", "way/45": the form osm.org URLs and credits use. */
    public String reference() {
        return switch (type) {
            case 'n' -> "node/" + id;
            case 'w' -> "way/" + id;
            default -> "relation/" + id;
        };
    }
}
