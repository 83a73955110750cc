package cn.servicemap.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.ImportReport;
import cn.servicemap.gis.stations.ImportedRow;
import cn.servicemap.gis.stations.StationImportCheck;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * and an audit event per station.
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

    StationImportService(StationService stations, StationRepository repository, JdbcClient jdbc, TransactionTemplate tx,
                         Clock clock) {
        this.stations = stations;
        this.repository = repository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param file             the uploaded file on disk
     * @param originalFileName its name as the user gave it (the extension chooses the reader)
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
        Outcome outcome = tx.execute(status -> {
            try {
                ImportReport report = check(file, originalFileName, crs, grid);
                OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                List<CheckedStation> good = report.goodRows().stream().map(ImportedRow::station).toList();
                mayWrite.accept(good);
                List<Long> ids = repository.insertAll(good, origin, now);
                KeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO import_run (at, file_name, format, crs, committed, total_rows, good_rows, bad_rows, actor)
                                VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)""")
                        .params(now, originalFileName, report.format(), crs.name(), report.totalRows(), good.size(),
                                report.badRows(), actor)
                        .update(keys, "id");
                long runId = ((Number) keys.getKeyList().get(0).values().iterator().next()).longValue();
                repository.recordEvents(ids, "IMPORT", now, actor, "import run " + runId + ": " + originalFileName,
                        good.stream().map(g -> StationSnapshot.json(StationSnapshot.of(g))).toList());
                return new Outcome(report, true, runId, ids);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        log.info("Imported {} of {} rows from {} ({}), {} rows refused", outcome.stationIds().size(),
                outcome.report().totalRows(), originalFileName, crs, outcome.report().badRows());
        return outcome;
    }

    private ImportReport check(Path file, String originalFileName, CoordinateSystem crs, cn.servicemap.gis.crs.NationalCrs grid)
            throws IOException {
        try (RowSource rows = RowSources.open(file, originalFileName)) {
            return StationImportCheck.check(rows, originalFileName, crs, grid, stations.checker(),
                    repository.storedForDuplicateCheck());
        }
    }
}
