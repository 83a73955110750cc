package cn.servicemap.stations;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.ImportReport;
import cn.servicemap.gis.stations.ImportedRow;
import cn.servicemap.gis.stations.StationImportCheck;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionPlaces;
import cn.servicemap.region.RegionRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a station file: a dry run checks every row and reports each bad one; a commit does the
 * same check and writes all good rows in one transaction (all or nothing), with an import record
 * and an audit event per station. Both compare a file read as WGS84 with the named OSM places of the region it lies
 * in ({@link RegionPlaces}) (by name, else by its building outlines) and warn when it sits where GCJ-02 or BD-09 coordinates would
 * ({@link StationImportCheck#withOffsetCheck}).
 */
@Service
public class StationImportService {

    private static final Logger log = LoggerFactory.getLogger(StationImportService.class);

    /** The report, and what was written. */
    public record Outcome(ImportReport report, boolean committed, Long importRunId, List<Long> stationIds) {
    }

    private final StationService stations;
    private final StationRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DistrictRepository districts;
    private final RegionRepository regions;
    private final RegionPlaces places;

    StationImportService(StationService stations, StationRepository repository, JdbcClient jdbc, TransactionTemplate tx,
                         Clock clock, DistrictRepository districts, RegionRepository regions, RegionPlaces places) {
        this.stations = stations;
        this.repository = repository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.districts = districts;
        this.regions = regions;
        this.places = places;
    }

    /**
     * @param file             the uploaded file on disk
     * @param originalFileName its name as the user gave it (the extension chooses the reader)
     * @param crs              the coordinate system the user declared, or null for none: then the file's own, or the one
     *                         of the map service whose POI export the columns show ({@link StationImportCheck#check}), and
     *                         a file that tells none is refused in the report
     * @param commit           false for a dry run
     */
    public Outcome importFile(Path file, String originalFileName, CoordinateSystem crs, boolean commit, String actor,
                              StationRepository.Origin origin) throws IOException {
        return importFile(file, originalFileName, crs, null, commit, actor, origin, good -> { });
    }

    /**
     * As above; {@code mayWrite} sees the good rows before a commit writes them and may refuse them all by throwing
     * (the user may not edit stations where some of them lie). {@code grid}: the national grid (e.g. EPSG:4549) the
     * file's coordinate columns are in, as the user declared it; null when they are longitude and latitude in {@code crs}.
     */
    public Outcome importFile(Path file, String originalFileName, CoordinateSystem crs, cn.servicemap.gis.crs.NationalCrs grid,
                              boolean commit, String actor,
                              StationRepository.Origin origin, java.util.function.Consumer<List<CheckedStation>> mayWrite)
            throws IOException {
        if (!commit) {
            return new Outcome(check(file, originalFileName, crs, grid), false, null, List.of());
        }
        // checked before the transaction: reading the file and, on a region's first import, its OSM extract for the offset
        // check (RegionPlaces) takes seconds for a city, which no database connection should wait through. The
        // duplicate check is a warning against what is stored when the file is read, in or out of the transaction.
        ImportReport report = check(file, originalFileName, crs, grid);
        Outcome outcome = tx.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            List<CheckedStation> good = report.goodRows().stream().map(ImportedRow::station).toList();
            mayWrite.accept(good);
            List<Long> ids = repository.insertAll(good, origin, now);
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO import_run (at, file_name, format, crs, committed, total_rows, good_rows, bad_rows, actor)
                            VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)""")
                    .params(now, originalFileName, report.format(), report.coordinateSystem() == null ? "UNDECLARED"
                                    : report.coordinateSystem().name(), report.totalRows(), good.size(),
                            report.badRows(), actor)
                    .update(keys, "id");
            long runId = ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
            repository.recordEvents(ids, "IMPORT", now, actor, "import run " + runId + ": " + originalFileName,
                    good.stream().map(g -> StationSnapshot.json(StationSnapshot.of(g))).toList());
            return new Outcome(report, true, runId, ids);
        });
        log.info("Imported {} of {} rows from {} ({}), {} rows refused", outcome.stationIds().size(),
                outcome.report().totalRows(), originalFileName, outcome.report().coordinateSystem(), outcome.report().badRows());
        return outcome;
    }

    private ImportReport check(Path file, String originalFileName, CoordinateSystem crs, cn.servicemap.gis.crs.NationalCrs grid)
            throws IOException {
        ImportReport report;
        try (RowSource rows = RowSources.open(file, originalFileName)) {
            report = StationImportCheck.check(rows, originalFileName, crs, grid, stations.checker(),
                    repository.storedForDuplicateCheck());
        }
        return regionOf(report.goodRows()).map(places::of)
                .map(reference -> StationImportCheck.withOffsetCheck(report, reference.places(), reference.footprints()))
                .orElse(report);
    }

    /**
     * The region most of the good rows lie in (by their districts), whose places the file is compared with; the region
     * loaded last when no districts tell.
     */
    private Optional<Region> regionOf(List<ImportedRow> good) {
        if (good.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byDistrict = good.stream().map(r -> r.station().adcode()).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        if (byDistrict.isEmpty()) {
            return regions.current();
        }
        Map<String, Long> byRegion = new HashMap<>();
        byDistrict.forEach((adcode, n) -> districts.regionOf(adcode).ifPresent(code -> byRegion.merge(code, n, Long::sum)));
        return byRegion.entrySet().stream().max(Map.Entry.comparingByValue()).flatMap(e -> regions.find(e.getKey()));
    }
}
