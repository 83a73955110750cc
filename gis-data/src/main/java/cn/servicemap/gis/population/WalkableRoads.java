package cn.servicemap.gis.population;

import java.util.Map;
import java.util.Set;

/**
 * Which OSM ways count as roads a person can walk on, for measuring where the road network is
 * dense (see {@link StudyArea}). Close to GraphHopper's foot profile: every {@code highway=*} way
 * except motorways, roads under construction or only proposed, platforms and other non-road
 * values; {@code foot=no}, {@code access=no|private} (unless {@code foot=yes|designated|permissive})
 * and {@code area=yes} squares are not roads either. Tags only: whether a way is connected to the
 * rest is not judged here.
 *
 * <p>This is a tag filter for the population surface, not the routing profile itself (that lives
 * with the road network and may be stricter or looser for a given profile).
 */
public final class WalkableRoads {

    private static final Set<String> NOT_WALKABLE = Set.of("motorway", "motorway_link", "construction", "proposed",
            "abandoned", "razed", "platform", "bus_stop", "raceway", "bus_guideway", "escape", "corridor", "elevator",
            "services", "rest_area", "emergency_bay", "traffic_signals", "crossing", "street_lamp", "turning_circle",
            "stop", "give_way", "speed_camera", "milestone", "no", "disused");
    private static final Set<String> FOOT_ALLOWED = Set.of("yes", "designated", "permissive");

    private WalkableRoads() {
    }

    /** True when a way with these tags is a road usable on foot. */
    public static boolean isWalkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null || highway.isBlank() || NOT_WALKABLE.contains(highway)) {
            return false;
        }
        if ("yes".equals(tags.get("area"))) {
            return false;
        }
        String foot = tags.get("foot");
        if ("no".equals(foot)) {
            return false;
        }
        String access = tags.get("access");
        return !("no".equals(access) || "private".equals(access)) || (foot != null && FOOT_ALLOWED.contains(foot));
    }
}
