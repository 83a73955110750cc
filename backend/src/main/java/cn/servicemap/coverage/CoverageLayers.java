package cn.servicemap.coverage;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.access.ServiceAreas;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.InvalidRequestException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The coverage of a selection of stations as GeoJSON layers — service-area bands (服务圈) and gaps (服务缺口) — for the
 * coverage endpoints, the OGC API collections and the file exports alike, so that all three draw the same polygons.
 */
@Component
public class CoverageLayers {

    private final CoverageService coverage;
    private final WhatIfs whatIfs;
    private final RegionIndex regionIndex;

    CoverageLayers(CoverageService coverage, WhatIfs whatIfs, RegionIndex regionIndex) {
        this.coverage = coverage;
        this.whatIfs = whatIfs;
        this.regionIndex = regionIndex;
    }

    /** Which stations count and how people travel: the coverage endpoints' common parameters (nulls: all, WALK, configured bands). */
    public record Selection(String region, TravelProfile profile, Bands bands, List<String> kind, List<String> service,
                            LocalDateTime openAt, String demand) {

        /** Every open station of the region, on foot, in the configured bands. */
        public static Selection of(String region, TravelProfile profile, Bands bands) {
            return new Selection(region, profile, bands, null, null, null, null);
        }
    }

    /** The bands of the selection, nested (each everything within its time) or as rings, within the window (null: everywhere). */
    public CoverageResponses.Features<CoverageResponses.BandProperties> bands(Selection s, boolean rings, BoundingBox window) {
        CoverageService.State state = state(s);
        ServiceAreas areas = coverage.serviceAreas(state, window);
        return CoverageResponses.bands(state, rings ? areas.rings() : areas.nested(), rings);
    }

    /**
     * The gaps outside the band of {@code minutes} (null: the largest band), largest first, at most {@code limit}, each with
     * the best street point for a new station; a {@code minutes} that is not one of the bands is a field error.
     */
    public CoverageResponses.Features<CoverageResponses.GapProperties> gaps(Selection s, Integer minutes, int limit) {
        CoverageService.State state = state(s);
        List<Integer> stateBands = state.coverage().bandMinutes();
        int index = minutes == null ? stateBands.size() - 1 : stateBands.indexOf(minutes);
        if (index < 0) {
            throw new InvalidRequestException("minutes", "minutes 须是 bands 之一 " + stateBands + " (minutes must be one of the bands)");
        }
        Map<String, String> names = new HashMap<>();
        state.coverage().model().districtAdcodes().forEach(a -> regionIndex.districtName(a).ifPresent(n -> names.put(a, n)));
        return CoverageResponses.gaps(state, coverage.gaps(state, index, limit), names);
    }

    private CoverageService.State state(Selection s) {
        return whatIfs.state(s.region(), s.profile(), s.bands(), s.kind(), s.service(), s.openAt(), s.demand());
    }
}
