package cn.servicemap.districts;

import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The loaded districts in memory: which district a point lies in, and district names. Rebuilt
 * from the database whenever districts are imported; readers always see a complete index.
 */
@Component
public class RegionIndex {

    /** Points this close outside every (simplified) district boundary still belong to the nearest district. */
    public static final double BOUNDARY_TOLERANCE_IN_METERS = 200;

    private record Snapshot(DistrictLocator locator, Map<String, String> names) {
    }

    private final DistrictRepository districts;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    RegionIndex(DistrictRepository districts) {
        this.districts = districts;
    }

    public DistrictLocator locator() {
        return snapshot().locator();
    }

    public Optional<String> districtName(String adcode) {
        return adcode == null ? Optional.empty() : Optional.ofNullable(snapshot().names().get(adcode));
    }

    /** Re-reads the districts from the database. */
    public void refresh() {
        List<District> all = districts.findAll();
        List<DistrictBoundary> boundaries = all.stream()
                .map(d -> new DistrictBoundary(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), d.geometry(), d.areaKm2()))
                .toList();
        current.set(new Snapshot(new DistrictLocator(boundaries, BOUNDARY_TOLERANCE_IN_METERS),
                all.stream().collect(Collectors.toUnmodifiableMap(District::adcode, District::nameZh))));
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null) {
            refresh();
            s = current.get();
        }
        return s;
    }
}
