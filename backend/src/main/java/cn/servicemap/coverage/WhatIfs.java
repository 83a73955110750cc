package cn.servicemap.coverage;

import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.BoundingBoxParam;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/**
 * A what-if as the API answers it (POST /api/whatif, and a saved scenario when it is opened): the new
 * report, the difference to the stored stations, where added or moved stations landed on the street
 * network, optionally the new bands, and how long the incremental update took.
 */
@Component
public class WhatIfs {

    /** The body of POST /api/whatif; a saved scenario holds the same. */
    public record Request(String profile, List<Integer> bands, List<String> kinds, Boolean openNow,
                          List<CoverageService.Change> changes, Boolean includeBands, String bbox) {
    }

    private final CoverageService coverage;
    private final CatalogParams params;

    WhatIfs(CoverageService coverage, CatalogParams params) {
        this.coverage = coverage;
        this.params = params;
    }

    public Map<String, Object> evaluate(Request body) {
        CoverageService.State base = state(body.profile() == null ? "WALK" : body.profile(), body.bands(), body.kinds(),
                Boolean.TRUE.equals(body.openNow()));
        List<FieldError> errors = new ArrayList<>();
        Envelope window = BoundingBoxParam.parse(body.bbox(), "bbox", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CoverageService.WhatIf result = coverage.whatIf(base.profile(), base.selection(), base.coverage().bandMinutes(), body.changes());
        Map<String, Object> out = CoverageResponses.header(base.region(), base.profile(), base.dataVersion());
        out.put("computedInMillis", CoverageResponses.round(result.computedInMillis(), 2));
        out.put("report", CoverageResponses.report(base, result.coverage()));
        out.put("delta", CoverageResponses.delta(result.delta(), base.coverage().bandMinutes()));
        List<Map<String, Object>> placed = new ArrayList<>();
        for (var s : result.addedOrMoved()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("lon", CoverageResponses.round(s.lon(), 7));
            p.put("lat", CoverageResponses.round(s.lat(), 7));
            p.put("street", base.region().network().edgeName(s.edge()));
            placed.add(p);
        }
        out.put("placed", placed);
        if (Boolean.TRUE.equals(body.includeBands())) {
            CoverageService.State after = new CoverageService.State(base.region(), base.profile(), base.selection(),
                    base.dataVersion(), base.sources(), base.snaps(), base.flagged(), result.coverage());
            out.put("bands", CoverageResponses.bands(CoverageResponses.header(base.region(), base.profile(), base.dataVersion()),
                    coverage.serviceAreas(after, window).rings(), true));
        }
        return out;
    }

    /** The profile, bands and station selection as the coverage endpoints read them (unknown values are field errors). */
    CoverageService.State state(String profile, List<Integer> bands, List<String> kind, boolean openNow) {
        List<FieldError> errors = new ArrayList<>();
        TravelProfile travel = CoverageController.profile(profile, errors);
        Set<String> kinds = params.kinds(kind, "kind", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return coverage.state(travel, new CoverageService.StationSelection(kinds, openNow), coverage.bands(bands));
    }

    /** The data version coverage is computed at now (the audit trail's last event). */
    public long dataVersion() {
        return coverage.dataVersion();
    }
}
