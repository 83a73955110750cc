package cn.servicemap.region;

import cn.servicemap.system.AuditLog;
import cn.servicemap.coverage.CoverageService;
import cn.servicemap.districts.DistrictService;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.osm.OsmExtractBounds;
import cn.servicemap.jobs.JobService;
import cn.servicemap.jobs.Progress;
import cn.servicemap.system.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates or replaces a region from a union's own files: its OSM extract, its district boundaries (with their
 * coordinate system) and its census table. The files are read and checked before anything is written (a boundary
 * file that does not parse, an OSM extract whose declared area misses the districts, a census table with no row for
 * any district are each refused by name); then its road network is built (GraphHopper import, population surface,
 * coverage models) and only then are the region, its districts and census stored, in one transaction.
 *
 * <p>The network is built before anything is written, so a failed or cancelled re-import leaves the region's
 * previous version serving; an import interrupted by a crash is marked FAILED on the next start. Limit: districts of
 * an earlier version that the new boundary file no longer has stay in the region (stations may refer to them).
 */
@Service
public class RegionImportService {

    private static final Logger log = LoggerFactory.getLogger(RegionImportService.class);

    /** What an import made. */
    public record Imported(Region region, int districts, int districtsWithCensus, List<String> districtsWithoutCensus, int edges) {
    }

    private final RegionRepository regions;
    private final DistrictService districts;
    private final CoverageService coverage;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final AuditLog audit;

    RegionImportService(RegionRepository regions, DistrictService districts, CoverageService coverage, TransactionTemplate tx,
                        Clock clock, AuditLog audit) {
        this.audit = audit;
        this.regions = regions;
        this.districts = districts;
        this.coverage = coverage;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * An import that was still IMPORTING when the app stopped (a crash, a kill) never finished: on start it is marked
     * FAILED with that reason, so nobody waits for it and its next import starts clean.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void markInterruptedImportsFailed() {
        for (Region r : regions.findAll()) {
            if (r.status() == RegionStatus.IMPORTING) {
                regions.setStatus(r.code(), RegionStatus.FAILED, "导入被中断（应用在导入时停止），请重新导入 (the import was interrupted: "
                        + "the app stopped while importing; import the region again)");
                log.warn("Region {} was still importing when the app stopped: marked FAILED. Import it again with "
                        + "`import region --code={} …`.", r.code(), r.code());
            }
        }
    }

    /** Files read and checked, not yet written. */
    public record Checked(String code, String nameZh, Path osm, Path districtFile, CoordinateSystem crs, Path censusFile,
                          List<DistrictBoundary> boundaries, Map<String, CensusRecord> census) {
    }

    /** The stages of {@link #apply} as a job shows them, with their share of the work. */
    public static final List<JobService.Stage> STAGES = List.of(
            new JobService.Stage("构建路网与人口分布 (building the road network and population surface)", 85),
            new JobService.Stage("写入区县边界与人口 (storing districts and census)", 10),
            new JobService.Stage("完成 (done)", 5));

    /** Checks, writes and loads a region in the caller's thread (the command line). */
    public Imported importRegion(String code, String nameZh, Path osm, Path districtFile, CoordinateSystem crs, Path censusFile,
                                 String actor) throws IOException {
        return apply(check(code, nameZh, osm, districtFile, crs, censusFile), actor, Progress.NONE);
    }

    /** Reads and checks the files; nothing is written. A file that does not fit is a 400 naming it. */
    public Checked check(String code, String nameZh, Path osm, Path districtFile, CoordinateSystem crs, Path censusFile)
            throws IOException {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidRequestException("code", "区域代码应为城市或区县的 6 位行政区划代码，如 440300 (code: the 6-digit adcode, e.g. 440300)");
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 200) {
            throw new InvalidRequestException("name", "请填写区域名称（最多 200 字）(name is required, at most 200 characters)");
        }
        for (var f : Map.of("osm", osm, "districts", districtFile, "census", censusFile).entrySet()) {
            if (f.getValue() == null || !Files.isRegularFile(f.getValue())) {
                throw new InvalidRequestException(f.getKey(), "找不到文件 (no such file): " + f.getValue());
            }
        }
        List<DistrictBoundary> boundaries;
        try (InputStream in = Files.newInputStream(districtFile)) {
            boundaries = DistrictBoundaryReader.read(in, crs);
        } catch (IllegalArgumentException | IOException e) { // not JSON, a limit passed, a feature that does not fit
            throw new InvalidRequestException("districts", "区县边界文件无法读取 (the district file cannot be read): " + e.getMessage());
        }
        Map<String, CensusRecord> census;
        try (InputStream in = Files.newInputStream(censusFile)) {
            census = CensusTable.read(in).records();
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidRequestException("census", "人口普查文件无法读取 (the census file cannot be read): " + e.getMessage());
        }
        if (boundaries.stream().noneMatch(d -> census.containsKey(d.adcode()))) {
            throw new InvalidRequestException("census", "人口普查文件中没有任何一个区县的行政区划代码 (the census file has no row for any of the "
                    + boundaries.size() + " districts' adcodes)");
        }
        Envelope districtBox = new Envelope();
        boundaries.forEach(d -> districtBox.expandToInclude(d.geometry().getEnvelopeInternal()));
        Optional<Envelope> declared = OsmExtractBounds.read(osm);
        if (declared.isPresent() && !declared.get().intersects(districtBox)) {
            throw new InvalidRequestException("osm", "OSM 文件的范围与区县边界不重叠：坐标系声明是否正确？(the OSM extract's area " + declared.get()
                    + " does not overlap the districts " + districtBox + ": is the districts' coordinate system right?)");
        }
        List<String> taken = districts.ownedByOtherRegions(boundaries, code);
        if (!taken.isEmpty()) {
            throw new InvalidRequestException("districts", "这些区县已属于另一个区域：" + String.join("、", taken.subList(0, Math.min(10, taken.size())))
                    + (taken.size() > 10 ? " 等" : "") + "；一个行政区划代码只能属于一个区域 (" + taken.size()
                    + " districts of this file belong to another region; an adcode belongs to one region only)");
        }
        List<String> stranded = districts.strandedStations(boundaries, code);
        if (!stranded.isEmpty()) {
            throw new InvalidRequestException("districts", "新的区县边界不再覆盖 " + stranded.size() + " 个已有站点，请先移动或删除它们："
                    + String.join("、", stranded.subList(0, Math.min(10, stranded.size()))) + (stranded.size() > 10 ? " 等" : "")
                    + " (the new district file leaves " + stranded.size() + " existing stations outside every district; move or "
                    + "remove them first)");
        }
        return new Checked(code, nameZh.trim(), osm, districtFile, crs, censusFile, List.copyOf(boundaries), Map.copyOf(census));
    }

    /**
     * Builds the region's network from the checked files while its current version (if any) keeps serving, then
     * writes the region, its districts and census in one transaction and serves the new network. A new region is
     * listed as IMPORTING meanwhile, and FAILED (with the reason) if the build fails or the job is cancelled; an
     * existing region stays as it was.
     */
    public Imported apply(Checked c, String actor, Progress progress) {
        String code = c.code();
        boolean fresh = regions.find(code).isEmpty();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Region candidate = new Region(code, c.nameZh(), false, c.nameZh() + "：" + c.boundaries().size() + " 个区县（"
                + c.districtFile().getFileName() + "，" + c.crs() + "），路网 " + c.osm().getFileName(), c.osm().toAbsolutePath().toString(),
                List.of("© OpenStreetMap contributors (ODbL)"), now, RegionStatus.READY, null);
        if (fresh) {
            regions.save(candidate.withStatus(RegionStatus.IMPORTING, null));
        }
        CoverageService.PreparedNetwork prepared;
        try {
            progress.stage(0);
            log.info("Region {} ({}): building its road network from {} for {}", code, c.nameZh(), c.osm(), actor);
            prepared = coverage.prepare(candidate, c.boundaries(), c.census());
            progress.stage(1);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? "import failed" : e.getMessage();
            if (fresh) {
                regions.setStatus(code, RegionStatus.FAILED, reason.length() > 1900 ? reason.substring(0, 1900) : reason);
            }
            log.error("Region {} could not be imported from {}: {}. {}", code, c.osm(), reason,
                    fresh ? "It is marked FAILED; fix the file and import it again." : "Its previous version keeps serving.", e);
            throw e;
        }
        Region previous = regions.find(code).orElse(null);
        var stored = tx.execute(s -> {
            regions.save(candidate);
            audit.record(AuditLog.Entity.REGION, code, fresh ? "CREATE" : "REPLACE", actor, code,
                    previous == null ? null : previous.withStatus(previous.status(), previous.statusReason()), candidate);
            districts.replaceRegionDistricts(c.boundaries(), c.districtFile().getFileName() + " (" + c.crs() + " → WGS84)", code);
            return districts.applyCensus(c.census(), c.censusFile().getFileName().toString(), code);
        });
        Region committed = regions.find(code).orElseThrow();
        coverage.install(prepared, committed);
        progress.stage(2);
        log.info("Region {} ({}) ready: {} districts, {} network edges, imported by {}", code, c.nameZh(), c.boundaries().size(),
                prepared.edges(), actor);
        return new Imported(committed, c.boundaries().size(), stored.matched(), stored.districtsWithoutCensus(), prepared.edges());
    }
}
