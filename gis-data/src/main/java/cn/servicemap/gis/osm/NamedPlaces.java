package cn.servicemap.gis.osm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The named places of an OSM extract that a point list can be compared with by name: shops, banks, schools, offices,
 * hotels, restaurants, named buildings and the like (objects tagged {@code amenity, shop, office, tourism, leisure,
 * building, healthcare, craft, historic} with a {@code name}), each as one point in WGS84: the node itself, or the
 * centroid of the outline. Left out: lines (streets, rivers — where along them a name sits is not defined), outlines
 * more than {@value #MAX_EXTENT_IN_METERS} m across (a campus or a park has no one position to compare with), and
 * places, boundaries and land use (their point is a label, not a place). A {@code name:zh} that differs from the
 * {@code name} gives a second entry at the same point. Ordered by OSM type and id.
 */
public final class NamedPlaces {

    /** Outlines larger than this (the diagonal of their bounding box) are left out. */
    public static final double MAX_EXTENT_IN_METERS = 300;

    private static final Set<String> KEYS = Set.of("amenity", "shop", "office", "tourism", "leisure", "building", "healthcare",
            "craft", "historic");
    private static final double METERS_PER_DEGREE = 111_195;

    /**
     * One named place.
     *
     * @param name as the source spells it
     * @param lon  WGS84 longitude in degrees
     * @param lat  WGS84 latitude in degrees
     */
    public record NamedPlace(String name, double lon, double lat) {
    }

    private NamedPlaces() {
    }

    /** Whether an OSM object is a named place as above, by its tags: the filter to read an OSM file with. */
    public static boolean isNamedPlace(Map<String, String> tags) {
        String name = tags.get("name");
        return name != null && !name.isBlank() && KEYS.stream().anyMatch(tags::containsKey);
    }

    /** The named places of an .osm or .osm.pbf file. */
    public static List<NamedPlace> read(Path osm) {
        List<OsmFeature> features = new ArrayList<>(OsmFeatureReader.read(osm, NamedPlaces::isNamedPlace));
        features.sort(Comparator.comparing((OsmFeature f) -> f.type()).thenComparingLong(OsmFeature::id));
        List<NamedPlace> out = new ArrayList<>();
        for (OsmFeature f : features) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty() || !(g instanceof Point || g instanceof Polygonal) || tooLarge(g)) {
                continue;
            }
            Point at = g instanceof Point p ? p : g.getCentroid();
            String name = f.tag("name").strip();
            out.add(new NamedPlace(name, at.getX(), at.getY()));
            String zh = f.tag("name:zh");
            if (zh != null && !zh.isBlank() && !zh.strip().equals(name)) {
                out.add(new NamedPlace(zh.strip(), at.getX(), at.getY()));
            }
        }
        return out;
    }

    private static boolean tooLarge(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        double w = e.getWidth() * METERS_PER_DEGREE * Math.cos(Math.toRadians(e.centre().y));
        double h = e.getHeight() * METERS_PER_DEGREE;
        return Math.hypot(w, h) > MAX_EXTENT_IN_METERS;
    }
}
