package cn.servicemap.gis.standards;

import java.util.Set;

/**
 * What the registry records about a station that a standard can check; null where nothing is recorded.
 *
 * @param services service codes the station offers (WATER, MICROWAVE, FRIDGE …)
 * @param staffed  staffed (true) or self-service (false)
 * @param stepFree step-free entry
 * @param areaM2   floor area in square metres
 * @param capacity seats, the people the station holds
 */
public record StationFacts(Set<String> services, Boolean staffed, Boolean stepFree, Double areaM2, Integer capacity) {

    public StationFacts {
        services = Set.copyOf(services);
    }
}
