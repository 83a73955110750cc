package cn.servicemap.stations;

import cn.servicemap.security.Access;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.ImportReport;
import cn.servicemap.gis.stations.RowProblem;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Station import over HTTP: upload a CSV, XLSX, GeoJSON or zipped Shapefile with its coordinate system. */
@RestController
@RequestMapping("/api/stations/imports")
class StationImportController {

    /** The import report as the API shows it; {@code coordinateSystem} is null only for a file refused for naming none. */
    record ImportResponse(String fileName, String format,
                          @io.swagger.v3.oas.annotations.media.Schema(nullable = true) String coordinateSystem, int totalRows, int goodRows,
                          int badRows, boolean committed, Long importRunId, List<Long> stationIds,
                          List<RowProblem> problems, List<String> warnings) {

        static ImportResponse of(StationImportService.Outcome o) {
            ImportReport r = o.report();
            return new ImportResponse(r.fileName(), r.format(), r.coordinateSystem() == null ? null : r.coordinateSystem().name(), r.totalRows(),
                    r.goodRows().size(), r.badRows(), o.committed(), o.importRunId(), o.stationIds(), r.problems(),
                    r.warnings());
        }
    }

    static final int MAX_FILE_NAME = 200;

    private final StationImportService imports;
    private final Access access;

    StationImportController(StationImportService imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    /** The file's own name, without any folder a client put in front ("C:\\…\\x.csv", "../x.csv"). */
    private static String fileName(String original) {
        String n = original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replace("\u0000", "");
        return n.isBlank() ? "upload.csv" : n;
    }

    @Operation(summary = "Check (dry run) or commit a station file (导入站点)",
            description = "Every bad row is reported with its row number, column and reason; a commit writes all good rows in one transaction.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResponse importStations(@RequestPart("file") MultipartFile file,
                                  @Parameter(description = "Coordinate system of the file: WGS84, CGCS2000, GCJ02 or BD09 (longitude and "
                                          + "latitude), or the EPSG code of a Gauss-Kruger grid of CGCS2000, Beijing 1954 or Xi'an 1980 (e.g. "
                                          + "EPSG:4549; easting and northing in either column order). A Shapefile's .prj of such a grid is read "
                                          + "and converted whatever this says. Absent: the file's own declaration, else the system of "
                                          + "the map service whose POI export the columns show (AMap/Tencent GCJ02, Baidu BD09; the "
                                          + "report says so); a file that tells neither is refused in the report (MISSING_COORDINATE_SYSTEM).")
                                  @RequestParam(required = false) String crs,
                                  @Parameter(description = "false (default) checks only; true writes the good rows")
                                  @RequestParam(defaultValue = "false") boolean commit) throws IOException {
        cn.servicemap.gis.crs.NationalCrs grid = crs == null ? null : cn.servicemap.gis.crs.NationalCrs.parse(crs).orElse(null);
        CoordinateSystem system;
        try {
            system = crs == null ? null : grid != null ? CoordinateSystem.WGS84 : CoordinateSystem.parse(crs);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(java.util.List.of(new cn.servicemap.system.FieldError("crs", "未知的坐标系“" + (crs.length() > 30 ? crs.substring(0, 30) + "…" : crs)
                    + "”：可选 WGS84、CGCS2000、GCJ02、BD09，或国家2000/北京54/西安80 高斯-克吕格投影的 EPSG 代码（如 EPSG:4549） (unknown "
                    + "coordinate system: WGS84, CGCS2000, GCJ02, BD09 or the EPSG code of a Gauss-Kruger grid, e.g. EPSG:4549)", "BAD_CRS")));
        }
        String original = file.getOriginalFilename();
        if (original != null && original.length() > MAX_FILE_NAME) {
            throw new InvalidRequestException("file", "文件名最多 " + MAX_FILE_NAME + " 个字符 (the file name is longer than " + MAX_FILE_NAME
                    + " characters)");
        }
        String name = original == null || original.isBlank() ? "upload.csv" : fileName(original);
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        // the temporary file keeps the extension the reader goes by, never a name the file system refuses
        Path tmp = Files.createTempFile("servicemap-import-", "-" + (safe.length() > 60 ? safe.substring(safe.length() - 60) : safe));
        try {
            file.transferTo(tmp);
            return ImportResponse.of(imports.importFile(tmp, name, system, grid, commit, access.actor(), StationRepository.Origin.USER,
                    good -> access.requireStationEdit("file", good.stream().map(s -> s.adcode()).distinct().toArray(String[]::new))));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("file", e.getMessage());
        } catch (UncheckedIOException e) {
            throw new InvalidRequestException("file", e.getCause().getMessage());
        } catch (cn.servicemap.gis.table.ReadLimitException e) {
            throw new InvalidRequestException("file", e.getMessage()); // says which limit, in the user's words
        } catch (IOException e) {
            throw new InvalidRequestException("file", "无法读取文件：" + e.getMessage() + " (cannot read the file)");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
