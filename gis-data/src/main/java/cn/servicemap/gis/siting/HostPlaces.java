package cn.servicemap.gis.siting;

import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;

/**
 * Places in a region's OSM extract that could host a new station (可依托的场所), as unions site 爱心驿站 in practice:
 * bank branches, post offices, fuel stations, community centres, sanitation depots, public toilets and parks. Each
 * as a candidate point (a node itself, or a point inside the outline) with a name for the planner: the OSM name, or the
 * kind when it has none. Ordered by OSM type and id, so the same file gives the same list.
 */
public final class HostPlaces {

    /** One place: where, and what to call it. */
    public record Place(double lon, double lat, String name, String kindZh, String osmId) {
    }

    private record Kind(String key, String value, String nameZh) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("amenity", "bank", "银行网点"),
            new Kind("amenity", "post_office", "邮政网点"),
            new Kind("amenity", "fuel", "加油站"),
            new Kind("amenity", "community_centre", "社区中心"),
            new Kind("amenity", "waste_transfer_station", "环卫所"),
            new Kind("amenity", "toilets", "公共厕所"),
            new Kind("leisure", "park", "公园"));

    private HostPlaces() {
    }

    /** Whether an OSM object is one of the kinds above: the filter to read an OSM file with. */
    public static boolean isHostPlace(Map<String, String> tags) {
        return kindOf(tags) != null;
    }

    /** Reads the host places of an OSM file (.osm or .osm.pbf). */
    public static List<Place> read(Path osm) {
        List<OsmFeature> features = new ArrayList<>(OsmFeatureReader.read(osm, HostPlaces::isHostPlace));
        features.sort(Comparator.comparing((OsmFeature f) -> f.type()).thenComparingLong(OsmFeature::id));
        List<Place> out = new ArrayList<>();
        for (OsmFeature f : features) {
            Kind kind = kindOf(f.tags());
            if (kind == null || f.geometry() == null || f.geometry().isEmpty()) {
                continue;
            }
            Point at = f.geometry() instanceof Point p ? p : f.geometry().getInteriorPoint();
            String name = f.tag("name");
            out.add(new Place(at.getX(), at.getY(), name == null || name.isBlank() ? kind.nameZh() : name.trim(), kind.nameZh(),
                    f.type() + "" + f.id()));
        }
        return out;
    }

    private static Kind kindOf(Map<String, String> tags) {
        for (Kind k : KINDS) {
            if (k.value().equals(tags.get(k.key()))) {
                return k;
            }
        }
        return null;
    }
}
