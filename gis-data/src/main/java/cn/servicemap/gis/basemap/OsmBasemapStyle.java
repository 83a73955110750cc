package cn.servicemap.gis.basemap;

import cn.servicemap.gis.crs.CoordinateMapping;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Which OpenStreetMap objects a basemap shows, as what, and from which zoom: the cartographic
 * choices of the offline map in one place. Roads by {@code highway} class (major roads from low
 * zooms, residential streets from z13, service roads z14, footways and paths only from z16),
 * railways, water areas and waterways, green areas, land use, buildings (z15 and up only: below
 * that they are a grey smear), and labels in Chinese ({@code name}, else {@code name:zh}) for
 * places, stations, notable POIs, water, parks and roads. The zooms follow the usual practice of
 * OSM's standard style, thinned for a phone screen.
 *
 * <p>Output geometries are in Web-Mercator metres (see {@link TileMath}).
 */
public final class OsmBasemapStyle {

    /** Whether the reader should keep an object at all: anything the style might draw. */
    public static boolean wanted(Map<String, String> t) {
        return t.containsKey("highway") || t.containsKey("railway") || t.containsKey("waterway")
                || t.containsKey("natural") || t.containsKey("landuse") || t.containsKey("leisure")
                || t.containsKey("building") || t.containsKey("place") || t.containsKey("water")
                || (name(t) != null && (t.containsKey("amenity") || t.containsKey("shop") || t.containsKey("tourism")
                || t.containsKey("historic") || t.containsKey("public_transport")))
                || "hospital".equals(t.get("amenity")) || "school".equals(t.get("amenity"))
                || "university".equals(t.get("amenity")) || "college".equals(t.get("amenity"));
    }

    private static final GeometryFactory MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);

    private static final Map<String, Integer> ROAD_MIN_ZOOM = Map.ofEntries(
            Map.entry("motorway", 5), Map.entry("trunk", 6), Map.entry("primary", 8), Map.entry("secondary", 10),
            Map.entry("tertiary", 11), Map.entry("motorway_link", 10), Map.entry("trunk_link", 11),
            Map.entry("primary_link", 12), Map.entry("secondary_link", 12), Map.entry("tertiary_link", 13),
            Map.entry("residential", 13), Map.entry("unclassified", 13), Map.entry("living_street", 13),
            Map.entry("road", 13), Map.entry("pedestrian", 14), Map.entry("service", 14), Map.entry("track", 15),
            Map.entry("busway", 14), Map.entry("footway", 16), Map.entry("path", 16), Map.entry("cycleway", 16),
            Map.entry("steps", 16), Map.entry("bridleway", 16), Map.entry("corridor", 17));
    private static final Map<String, String> ROAD_CLASS = Map.ofEntries(
            Map.entry("motorway_link", "motorway"), Map.entry("trunk_link", "trunk"), Map.entry("primary_link", "primary"),
            Map.entry("secondary_link", "secondary"), Map.entry("tertiary_link", "tertiary"),
            Map.entry("unclassified", "residential"), Map.entry("living_street", "residential"),
            Map.entry("road", "residential"), Map.entry("busway", "service"), Map.entry("track", "service"),
            Map.entry("path", "footway"), Map.entry("cycleway", "footway"), Map.entry("bridleway", "footway"),
            Map.entry("corridor", "footway"));
    private static final Map<String, Integer> RAIL_MIN_ZOOM = Map.of("rail", 10, "subway", 12, "light_rail", 12,
            "tram", 13, "monorail", 13, "narrow_gauge", 12);
    private static final Map<String, Integer> WATERWAY_MIN_ZOOM = Map.of("river", 8, "canal", 10, "stream", 13,
            "ditch", 15, "drain", 15);
    private static final Set<String> PARK = Set.of("park", "garden", "nature_reserve", "common", "recreation_ground",
            "village_green", "dog_park");
    private static final Set<String> GRASS = Set.of("grass", "meadow", "grassland", "heath", "greenfield", "flowerbed");
    private static final Set<String> WOOD = Set.of("forest", "wood", "orchard", "scrub", "allotments", "plant_nursery");
    private static final Set<String> PITCH = Set.of("pitch", "stadium", "sports_centre", "playground", "golf_course",
            "track");
    private static final Set<String> LANDUSE = Set.of("residential", "commercial", "retail", "industrial");
    private static final Set<String> EDUCATION = Set.of("school", "university", "college", "kindergarten");
    private static final Set<String> MAJOR_POI = Set.of("hospital", "university", "college", "school", "mall",
            "department_store", "museum", "attraction", "stadium", "place_of_worship", "townhall", "police", "cinema",
            "theatre", "library", "marketplace", "arts_centre", "park", "zoo", "theme_park", "monument", "memorial");
    private static final Map<String, Integer> PLACE_MIN_ZOOM = Map.of("city", 8, "town", 10, "suburb", 12,
            "borough", 12, "quarter", 13, "neighbourhood", 14, "village", 13, "square", 15, "locality", 15, "hamlet", 15);

    private OsmBasemapStyle() {
    }

    /** The basemap features one OSM object makes: none, a shape, a label, or both. */
    public static List<BasemapFeature> classify(OsmFeature f) {
        Map<String, String> t = f.tags();
        Geometry g = f.geometry();
        List<BasemapFeature> out = new ArrayList<>();
        if (g == null || g.isEmpty()) {
            return out;
        }
        boolean area = g instanceof Polygonal;
        boolean line = g instanceof Lineal;
        String name = name(t);
        String highway = t.get("highway");
        if (highway != null && line && ROAD_MIN_ZOOM.containsKey(highway) && !"no".equals(t.get("area"))) {
            String cls = ROAD_CLASS.getOrDefault(highway, highway);
            Geometry m = mercator(g);
            out.add(new BasemapFeature(BasemapLayer.ROADS, cls, null, ROAD_MIN_ZOOM.get(highway), flags(t), 0, m));
            if (name != null) {
                out.add(new BasemapFeature(BasemapLayer.LABELS, roadLabelClass(cls), name, roadLabelMinZoom(cls), 0,
                        roadLabelPriority(cls), m));
            }
            return out;
        }
        if (highway != null && area && "pedestrian".equals(highway)) {
            out.add(new BasemapFeature(BasemapLayer.LANDUSE, "pedestrian", null, 14, 0, 0, mercator(g)));
            return out;
        }
        String railway = t.get("railway");
        if (railway != null && line && RAIL_MIN_ZOOM.containsKey(railway)) {
            out.add(new BasemapFeature(BasemapLayer.RAILWAYS, "subway".equals(railway) ? "subway" : "rail", null,
                    RAIL_MIN_ZOOM.get(railway), flags(t), 0, mercator(g)));
            return out;
        }
        if (railway != null && ("station".equals(railway) || "halt".equals(railway)) && name != null) {
            out.add(label("station", name, 14, 2, g));
            return out;
        }
        String waterway = t.get("waterway");
        if (waterway != null && line && WATERWAY_MIN_ZOOM.containsKey(waterway)) {
            Geometry m = mercator(g);
            out.add(new BasemapFeature(BasemapLayer.WATERWAY, waterway, null, WATERWAY_MIN_ZOOM.get(waterway), flags(t), 0, m));
            if (name != null) {
                out.add(new BasemapFeature(BasemapLayer.LABELS, "water-line", name, 14, 0, 4, m));
            }
            return out;
        }
        if (area && isWater(t)) {
            out.add(new BasemapFeature(BasemapLayer.WATER, "water", null, 8, 0, 0, mercator(g)));
            if (name != null) {
                out.add(label("water", name, 13, 4, g));
            }
            return out;
        }
        if (area && t.containsKey("building") && !"no".equals(t.get("building"))) {
            out.add(new BasemapFeature(BasemapLayer.BUILDINGS, "building", null, 15, 0, 0, mercator(g)));
            if (name != null) {
                out.add(label(isMajorPoi(t) ? "poi-major" : "poi", name, isMajorPoi(t) ? 16 : 17, isMajorPoi(t) ? 5 : 8, g));
            }
            return out;
        }
        String green = greenClass(t);
        if (area && green != null) {
            int minZoom = switch (green) {
                case "park", "wood" -> 10;
                case "pitch" -> 14;
                default -> 13;
            };
            out.add(new BasemapFeature(BasemapLayer.GREEN, green, null, minZoom, 0, 0, mercator(g)));
            if (name != null) {
                out.add(label("park", name, "park".equals(green) ? 14 : 16, 4, g));
            }
            return out;
        }
        String landuse = landuseClass(t);
        if (area && landuse != null) {
            out.add(new BasemapFeature(BasemapLayer.LANDUSE, landuse, null, 12, 0, 0, mercator(g)));
            if (name != null && !LANDUSE.contains(landuse)) {
                out.add(label(isMajorPoi(t) ? "poi-major" : "poi", name, 16, 5, g));
            }
            return out;
        }
        String place = t.get("place");
        if (place != null && name != null && PLACE_MIN_ZOOM.containsKey(place)) {
            int minZoom = PLACE_MIN_ZOOM.get(place);
            out.add(label(minZoom <= 12 ? "place-major" : "place", name, minZoom, 1, g));
            return out;
        }
        if (name != null && (t.containsKey("amenity") || t.containsKey("shop") || t.containsKey("tourism")
                || t.containsKey("historic") || t.containsKey("leisure"))) {
            boolean major = isMajorPoi(t);
            out.add(label(major ? "poi-major" : "poi", name, major ? 16 : 17, major ? 5 : 8, g));
        }
        return out;
    }

    /** The Chinese name: {@code name}, else {@code name:zh}, else {@code name:zh-Hans}; null when none. */
    public static String name(Map<String, String> t) {
        for (String key : new String[] {"name", "name:zh", "name:zh-Hans"}) {
            String v = t.get(key);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static BasemapFeature label(String cls, String name, int minZoom, int priority, Geometry wgs84) {
        Geometry m = mercator(wgs84);
        Point anchor = m instanceof Point p ? p : m.getInteriorPoint();
        return new BasemapFeature(BasemapLayer.LABELS, cls, name, minZoom, 0, priority, anchor);
    }

    private static int flags(Map<String, String> t) {
        int flags = 0;
        String tunnel = t.getOrDefault("tunnel", "no");
        if (!"no".equals(tunnel)) {
            flags |= BasemapFeature.TUNNEL;
        }
        String bridge = t.getOrDefault("bridge", "no");
        if (!"no".equals(bridge)) {
            flags |= BasemapFeature.BRIDGE;
        }
        return flags;
    }

    private static boolean isWater(Map<String, String> t) {
        return "water".equals(t.get("natural")) || t.containsKey("water") || "riverbank".equals(t.get("waterway"))
                || "dock".equals(t.get("waterway")) || "reservoir".equals(t.get("landuse"))
                || "basin".equals(t.get("landuse")) || "swimming_pool".equals(t.get("leisure"));
    }

    private static String greenClass(Map<String, String> t) {
        String leisure = t.getOrDefault("leisure", "");
        String landuse = t.getOrDefault("landuse", "");
        String natural = t.getOrDefault("natural", "");
        if (PARK.contains(leisure) || PARK.contains(landuse)) {
            return "park";
        }
        if (PITCH.contains(leisure)) {
            return "pitch";
        }
        if (WOOD.contains(landuse) || WOOD.contains(natural)) {
            return "wood";
        }
        if (GRASS.contains(landuse) || GRASS.contains(natural)) {
            return "grass";
        }
        if ("cemetery".equals(landuse) || "grave_yard".equals(t.get("amenity"))) {
            return "grass";
        }
        return null;
    }

    private static String landuseClass(Map<String, String> t) {
        String landuse = t.getOrDefault("landuse", "");
        String amenity = t.getOrDefault("amenity", "");
        if (EDUCATION.contains(amenity) || "education".equals(landuse)) {
            return "education";
        }
        if ("hospital".equals(amenity)) {
            return "hospital";
        }
        if (LANDUSE.contains(landuse)) {
            return "retail".equals(landuse) ? "commercial" : landuse;
        }
        return null;
    }

    private static boolean isMajorPoi(Map<String, String> t) {
        for (String key : new String[] {"amenity", "shop", "tourism", "leisure", "historic", "building"}) {
            if (MAJOR_POI.contains(t.getOrDefault(key, ""))) {
                return true;
            }
        }
        return false;
    }

    private static String roadLabelClass(String cls) {
        return switch (cls) {
            case "motorway", "trunk", "primary", "secondary" -> "road-major";
            default -> "road";
        };
    }

    private static int roadLabelMinZoom(String cls) {
        return switch (cls) {
            case "motorway", "trunk", "primary" -> 13;
            case "secondary" -> 14;
            case "tertiary" -> 15;
            case "residential", "pedestrian" -> 16;
            default -> 17;
        };
    }

    private static int roadLabelPriority(String cls) {
        return switch (cls) {
            case "motorway", "trunk", "primary" -> 3;
            case "secondary" -> 4;
            case "tertiary" -> 5;
            case "residential", "pedestrian" -> 6;
            default -> 7;
        };
    }

    /** A copy of a WGS84 geometry in Web-Mercator metres. */
    static Geometry mercator(Geometry wgs84) {
        return CoordinateMapping.copy(wgs84, MERCATOR, (lon, lat, xy) -> {
            xy[0] = TileMath.mercatorX(lon);
            xy[1] = TileMath.mercatorY(lat);
        });
    }
}
