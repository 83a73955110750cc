package cn.servicemap.districts;

import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.region.RegionScope;
import cn.servicemap.gis.districts.DistrictLocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The loaded districts in memory: which district a point lies in, and district names. Rebuilt from the database when
 * this instance changed districts, and when the regions' revisions show that another instance did
 * ({@link RegionScope#revisions}, read at most every 2 s); readers always see a complete index.
 */
@Component
public class RegionIndex {

    /** Points this close outside every (simplified) district boundary still belong to the nearest district. */
    public static final double BOUNDARY_TOLERANCE_IN_METERS = 200;

    /** The index, and the regions' revisions it was read at. */
    private record Snapshot(DistrictLocator locator, Map<String, String> names, String revisions) {
    }

    private final DistrictRepository districts;
    private final RegionScope scope;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    RegionIndex(DistrictRepository districts, RegionScope scope) {
        this.districts = districts;
        this.scope = scope;
    }

    public DistrictLocator locator() {
        return snapshot().locator();
    }

    public Optional<String> districtName(String adcode) {
        return adcode == null ? Optional.empty() : Optional.ofNullable(snapshot().names().get(adcode));
    }

    /** Re-reads the districts from the database. */
    public void refresh() {
        String revisions = scope.revisions(); // before reading: a change meanwhile makes the next reader read again
        List<District> all = districts.findAll();
        List<DistrictBoundary> boundaries = all.stream()
                .map(d -> new DistrictBoundary(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), d.geometry(), d.areaKm2()))
                .toList();
        current.set(new Snapshot(new DistrictLocator(boundaries, BOUNDARY_TOLERANCE_IN_METERS),
                all.stream().collect(Collectors.toUnmodifiableMap(District::adcode, District::nameZh)), revisions));
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null || !s.revisions().equals(scope.revisions())) {
            refresh();
            s = current.get();
        }
        return s;
    }
}
