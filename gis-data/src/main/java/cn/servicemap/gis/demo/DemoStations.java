package cn.servicemap.gis.demo;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/**
 * Demo service points placed at real host places from OpenStreetMap — banks, post offices, fuel
 * stations, public toilets, police posts, town halls, libraries, courthouses, community centres,
 * convenience stores, clinics — where real stations are often hosted. Every one is named with
 * the demo prefix (示例) and says in its source which OSM object it sits at. Deterministic: the
 * same OSM file gives the same stations.
 */
public final class DemoStations {

    /** Marks every demo station's name. */
    public static final String PREFIX = "【示例】";

    /** How a kind of host place becomes a kind of station. */
    record Host(String key, String value, String fallbackName, String kind, String suffix, String services, String hours, String entry,
                boolean staffed) {
        boolean matches(Map<String, String> tags) {
            return value.equals(tags.get(key));
        }
    }

    private static final List<Host> HOSTS = List.of(
            new Host("amenity", "bank", "银行网点", "OUTDOOR_STATION", "爱心驿站", "WATER|MICROWAVE|REST|PHONE_CHARGING|WIFI|CLIMATE", "Mo-Fr 09:00-17:00; Sa,Su 09:30-16:00", "OPEN", true),
            new Host("amenity", "post_office", "邮政网点", "OUTDOOR_STATION", "劳动者港湾", "WATER|REST|PHONE_CHARGING|AIR_PUMP|FIRST_AID", "Mo-Su 08:30-17:30", "OPEN", true),
            new Host("amenity", "fuel", "加油站", "DRIVERS_HOME", "司机之家", "WATER|MICROWAVE|TOILET|REST|PHONE_CHARGING|AIR_PUMP|WIFI", "24/7", "OPEN", true),
            new Host("amenity", "toilets", "公共厕所", "OUTDOOR_STATION", "环卫爱心驿站", "WATER|TOILET|REST|MICROWAVE|EBIKE_CHARGING", "Mo-Su 06:00-22:00", "OPEN", false),
            new Host("amenity", "police", "交警岗亭", "OUTDOOR_STATION", "交警爱心驿站", "WATER|REST|FIRST_AID|PHONE_CHARGING|CLIMATE", "24/7", "OPEN", true),
            new Host("amenity", "townhall", "街道办事处", "SERVICE_CENTRE", "职工服务中心", "WATER|TOILET|REST|WIFI|CLIMATE|BOOKS", "Mo-Fr 08:30-17:30; PH off", "MEMBER_CODE", true),
            new Host("amenity", "library", "图书馆", "READING_ROOM", "职工书屋", "BOOKS|WATER|WIFI|CLIMATE|TOILET", "Tu-Su 09:00-17:00", "OPEN", true),
            new Host("amenity", "courthouse", "法院", "LEGAL_AID", "工会法律援助站", "WATER|REST", "Mo-Fr 09:00-17:00; PH off", "FACE_OR_ID", true),
            new Host("amenity", "community_centre", "社区中心", "WORKERS_HOME", "职工之家", "WATER|MICROWAVE|REST|BOOKS|CLIMATE|WIFI", "Mo-Su 08:00-20:00", "CODE_LOCK", false),
            new Host("amenity", "clinic", "诊所", "NURSING_ROOM", "爱心母婴室", "WATER|REST|CLIMATE", "Mo-Su 08:00-18:00", "OPEN", true),
            new Host("shop", "convenience", "便利店", "OUTDOOR_STATION", "爱心驿站", "WATER|MICROWAVE|PHONE_CHARGING|EBIKE_CHARGING", "24/7", "OPEN", true),
            new Host("amenity", "waste_transfer_station", "环卫所", "OUTDOOR_STATION", "环卫工人驿站", "WATER|MICROWAVE|TOILET|REST|EBIKE_CHARGING", "24/7", "CODE_LOCK", false));

    /** Host places of one kind closer than this are one place for the demo: keeps the map readable. */
    private static final double MIN_SPACING_IN_METERS = 120;

    private DemoStations() {
    }

    /** Whether an OSM object could host a demo station: the filter to read an OSM file with. */
    public static boolean isHostPlace(Map<String, String> tags) {
        return HOSTS.stream().anyMatch(h -> h.matches(tags));
    }

    /**
     * Demo stations at the host places inside {@code area} (WGS84), in WGS84, at most {@code limit}.
     *
     * @param hostPlaces OSM features read with {@link #isHostPlace}
     */
    public static List<StationInput> place(List<OsmFeature> hostPlaces, Envelope area, int limit) {
        List<OsmFeature> sorted = new ArrayList<>(hostPlaces);
        sorted.sort(Comparator.comparing((OsmFeature f) -> f.type()).thenComparingLong(OsmFeature::id));
        List<StationInput> out = new ArrayList<>();
        List<double[]> placed = new ArrayList<>();
        List<String> placedKinds = new ArrayList<>();
        for (OsmFeature f : sorted) {
            Optional<Host> host = HOSTS.stream().filter(h -> h.matches(f.tags())).findFirst();
            if (host.isEmpty()) {
                continue;
            }
            Point at = f.geometry() instanceof Point p ? p : f.geometry().getInteriorPoint();
            if (!area.contains(at.getCoordinate())) {
                continue;
            }
            Host h = host.get();
            boolean crowded = false;
            for (int i = 0; i < placed.size(); i++) {
                if (placedKinds.get(i).equals(h.suffix())
                        && Geodesic.distanceMeters(at.getX(), at.getY(), placed.get(i)[0], placed.get(i)[1]) < MIN_SPACING_IN_METERS) {
                    crowded = true;
                    break;
                }
            }
            if (crowded) {
                continue;
            }
            placed.add(new double[]{at.getX(), at.getY()});
            placedKinds.add(h.suffix());
            out.add(station(f, h, at));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static StationInput station(OsmFeature f, Host h, Point at) {
        String hostName = first(f.tags(), "name:zh", "name", "brand", "operator").orElse(h.fallbackName());
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        v.put(StationField.NAME, PREFIX + hostName + h.suffix());
        v.put(StationField.KIND, h.kind());
        v.put(StationField.LON, Double.toString(at.getX()));
        v.put(StationField.LAT, Double.toString(at.getY()));
        v.put(StationField.ADDRESS, address(f.tags()).orElse(null));
        v.put(StationField.HOST_ORG, hostName);
        v.put(StationField.OPENING_HOURS, h.hours());
        v.put(StationField.SERVICES, h.services());
        v.put(StationField.CAPACITY, Long.toString(4 + Math.floorMod(f.id(), 17)));
        // how one gets in, by the kind of host; step-free and floor area vary with the OSM id (deterministic)
        v.put(StationField.ENTRY, h.entry());
        v.put(StationField.STAFFED, Boolean.toString(h.staffed()));
        v.put(StationField.STEP_FREE, Boolean.toString(Math.floorMod(f.id(), 3) != 0));
        v.put(StationField.AREA, Long.toString(8 + Math.floorMod(f.id() / 7, 38)));
        v.put(StationField.SOURCE, "示例数据，位于 OSM " + f.reference() + " (demo data at OSM " + f.reference()
                + ", © OpenStreetMap contributors)");
        return new StationInput(v);
    }

    private static Optional<String> address(Map<String, String> tags) {
        String street = tags.get("addr:street");
        if (street == null) {
            return first(tags, "addr:full");
        }
        String number = tags.get("addr:housenumber");
        return Optional.of(street + (number == null ? "" : number + (number.endsWith("号") ? "" : "号")));
    }

    private static Optional<String> first(Map<String, String> tags, String... keys) {
        for (String k : keys) {
            String v = tags.get(k);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }
}
