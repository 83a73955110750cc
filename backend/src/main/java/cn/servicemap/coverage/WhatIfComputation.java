package cn.servicemap.coverage;

import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.TwoNearestUpdate;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CrossCoverageState;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A what-if: station changes applied in order to the coverage of a computed state, each as one incremental
 * update of its access field and coverage (never a full recompute), nothing stored.
 *
 * <p>Rules, checked change by change so that a refused change is named by its index:
 * <ul>
 *   <li>{@code add} places a new station on the nearest street of the main network within the snapping distance;</li>
 *   <li>{@code move} and {@code close} take a station that is open at that point of the what-if: one of the
 *       selection's stations, or one reopened earlier in the same what-if. A station closed earlier in the same
 *       what-if must be reopened before it can be moved or closed again;</li>
 *   <li>{@code reopen} takes a station that is closed at that point: closed earlier in the what-if (it comes back
 *       where it last stood in the what-if) or closed in the registry (it comes back where the registry has it),
 *       and only a station of the selection's kinds.</li>
 * </ul>
 * Applying a saved scenario to the registry writes the same changes in the same order, so a what-if that passes
 * these rules also applies.
 */
final class WhatIfComputation {

    /**
     * The outcome: the new state, where added, moved or reopened stations landed, how long it took, and 交叉覆盖 after
     * the changes when the what-if was asked to keep it (else null).
     */
    record Result(CoverageService.State baseline, CoverageService.State after, List<Snap> placed, double computedInMillis,
                  CrossCoverageState crossAfter) {
    }

    /** A station as it stands at some point of the what-if. */
    private static final class Standing {
        final ServicePoint station;
        int sourceIndex;
        Snap place;
        boolean open;

        Standing(ServicePoint station, int sourceIndex, Snap place, boolean open) {
            this.station = station;
            this.sourceIndex = sourceIndex;
            this.place = place;
            this.open = open;
        }
    }

    private final CoverageService.State base;
    private final CrossCoverageState baseCross;
    private final double snapInMeters;
    private final LongFunction<Optional<ServicePoint>> registry;
    private final RoadNetwork network;

    /** @param baseCross 交叉覆盖 of the base state, to update change by change along the coverage; null: not kept */
    WhatIfComputation(CoverageService.State base, CrossCoverageState baseCross, double snapInMeters,
                      LongFunction<Optional<ServicePoint>> registry) {
        this.base = base;
        this.baseCross = baseCross;
        this.snapInMeters = snapInMeters;
        this.registry = registry;
        this.network = base.region().network();
    }

    Result run(List<StationChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidRequestException("changes", "至少需要一项变更 (at least one change is required)");
        }
        if (changes.size() > CoverageLimits.MAX_CHANGES) {
            throw new InvalidRequestException("changes", "一次最多 " + CoverageLimits.MAX_CHANGES + " 项变更 (at most "
                    + CoverageLimits.MAX_CHANGES + " changes)");
        }
        long started = System.nanoTime();
        Map<Long, Standing> standing = new HashMap<>();
        for (int i = 0; i < base.sources().size(); i++) {
            standing.put(base.sources().get(i).id(), new Standing(base.sources().get(i), i, base.snaps().get(i), true));
        }
        List<ServicePoint> sources = new ArrayList<>(base.sources());
        Coverage coverage = base.coverage();
        CrossCoverageState cross = baseCross;
        List<Snap> placed = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            StationChange change = changes.get(i);
            String at = "changes[" + i + "]";
            if (change == null) {
                throw new InvalidRequestException(at, "变更不能为空 (a change cannot be null)");
            }
            AccessUpdate update;
            TwoNearestUpdate crossUpdate = null;
            int touchedBefore = -1;
            int touchedAfter = -1;
            if (change instanceof StationChange.Add add) {
                Snap s = place(add.lon(), add.lat(), add.crs(), at);
                update = coverage.field().withSourceAdded(s);
                crossUpdate = cross == null ? null : cross.twoNearest().withSourceAdded(s);
                sources.add(null);
                placed.add(s);
                touchedAfter = s.edge();
            } else if (change instanceof StationChange.Move move) {
                Standing st = open(standing, move.stationId(), at);
                Snap s = place(move.lon(), move.lat(), move.crs(), at);
                touchedBefore = st.place.edge();
                update = coverage.field().withSourceMoved(st.sourceIndex, s);
                crossUpdate = cross == null ? null : cross.twoNearest().withSourceMoved(st.sourceIndex, s);
                st.place = s;
                placed.add(s);
                touchedAfter = s.edge();
            } else if (change instanceof StationChange.Close close) {
                Standing st = open(standing, close.stationId(), at);
                touchedBefore = st.place.edge();
                update = coverage.field().withSourceRemoved(st.sourceIndex);
                crossUpdate = cross == null ? null : cross.twoNearest().withSourceRemoved(st.sourceIndex);
                st.open = false;
            } else {
                StationChange.Reopen reopen = (StationChange.Reopen) change; // the last of the sealed kinds
                Standing st = closed(standing, reopen.stationId(), at);
                update = coverage.field().withSourceAdded(st.place);
                crossUpdate = cross == null ? null : cross.twoNearest().withSourceAdded(st.place);
                st.sourceIndex = coverage.field().sourceCount();
                st.open = true;
                sources.add(st.station);
                placed.add(st.place);
                touchedAfter = st.place.edge();
            }
            coverage = coverage.apply(update, touchedBefore, touchedAfter);
            if (crossUpdate != null) {
                // the same change on the two nearest stations: source indexes follow the access field's
                cross = cross.apply(crossUpdate, touchedBefore, touchedAfter);
            }
        }
        CoverageService.State after = new CoverageService.State(base.region(), base.profile(), base.selection(),
                base.dataVersion(), sourcesWithNulls(sources), base.snaps(), base.flagged(), coverage);
        return new Result(base, after, placed, (System.nanoTime() - started) / 1e6, cross);
    }

    /** The station, open at this point of the what-if; else why it cannot be moved or closed. */
    private Standing open(Map<Long, Standing> standing, long id, String at) {
        Standing st = standing.get(id);
        if (st != null && st.open) {
            return st;
        }
        if (st != null) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id + " 已在本方案前面的变更中关闭，须先重新开放"
                    + " (station was closed by an earlier change of this what-if; reopen it first)");
        }
        ServicePoint p = registry.apply(id).orElseThrow(() -> noStation(id, at));
        if (p.status() != StationStatus.OPEN) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id + " 已关闭，须先重新开放 (station is closed; reopen it first)");
        }
        throw new InvalidRequestException(at + ".stationId", "站点 #" + id
                + " 不在当前计算的开放站点中 (station is not among the open stations of this selection)");
    }

    /** The station, closed at this point of the what-if; else why it cannot be reopened. */
    private Standing closed(Map<Long, Standing> standing, long id, String at) {
        Standing st = standing.get(id);
        if (st != null && !st.open) {
            return st;
        }
        if (st != null) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id + " 已开放，无需重新开放 (station is open already)");
        }
        ServicePoint p = registry.apply(id).orElseThrow(() -> noStation(id, at));
        if (p.status() == StationStatus.OPEN) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id + " 已开放，无需重新开放 (station is open already)");
        }
        if (!base.selection().kinds().isEmpty() && !base.selection().kinds().contains(p.kind())) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id
                    + " 不属于当前计算的站点类型 (station is not of the kinds of this selection)");
        }
        Snap s = network.snap(base.profile(), p.lon(), p.lat(), snapInMeters);
        if (!s.isSnapped()) {
            throw new InvalidRequestException(at + ".stationId", "站点 #" + id + " 距离道路超过 " + Math.round(snapInMeters)
                    + " 米，不能计入覆盖 (farther than " + Math.round(snapInMeters) + " m from any road)");
        }
        Standing fresh = new Standing(p, -1, s, false);
        standing.put(id, fresh);
        return fresh;
    }

    private static InvalidRequestException noStation(long id, String at) {
        return new InvalidRequestException(at + ".stationId", "没有编号为 " + id + " 的站点 (no station " + id + ")");
    }

    private Snap place(double lon, double lat, CoordinateSystem crs, String at) {
        LonLat wgs = ChinaCoordinates.toWgs84(crs, lon, lat);
        Snap s = network.snapToMainComponent(base.profile(), wgs.lon(), wgs.lat(), snapInMeters);
        if (!s.isSnapped()) {
            throw new InvalidRequestException(at + ".lon", "该位置距离道路超过 " + Math.round(snapInMeters)
                    + " 米，不能作为站点 (farther than " + Math.round(snapInMeters) + " m from any road)");
        }
        return s;
    }

    private static List<ServicePoint> sourcesWithNulls(List<ServicePoint> sources) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(sources));
    }
}
