package cn.servicemap.stations;

import cn.servicemap.gis.stations.StationStatus;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Which stations a list asks for; empty sets and nulls mean "any".
 *
 * @param services   every one of these must be offered
 * @param bbox       WGS84 lon/lat box
 * @param text       matched against name and address, case-insensitively
 * @param statuses   by default everything but CLOSED
 * @param regionCode only stations in the districts of this region, or null for any
 * @param access     how one must be able to get in (entry method, step-free)
 */
public record StationFilter(Set<String> kinds, Set<String> services, String adcode, Envelope bbox, String text,
                            Set<StationStatus> statuses, String regionCode, AccessFilter access) {

    public StationFilter(Set<String> kinds, Set<String> services, String adcode, Envelope bbox, String text,
                         Set<StationStatus> statuses, String regionCode) {
        this(kinds, services, adcode, bbox, text, statuses, regionCode, AccessFilter.ANY);
    }

    public static StationFilter all() {
        return new StationFilter(Set.of(), Set.of(), null, null, null, Set.of(), null);
    }
}
