package cn.servicemap.system;

import cn.servicemap.districts.DistrictService;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.region.RegionImportService;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.gis.stations.RowProblem;
import cn.servicemap.stations.StationImportService;
import cn.servicemap.stations.StationRepository;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The command-line import: {@code import region --code=440300 --name=深圳市 --osm=F.osm.pbf --districts=F.json --crs=GCJ02
 * --census=F.csv}, {@code import stations --file=F [--crs=GCJ02] [--commit]} (without --crs for a POI export of AMap, Tencent or Baidu),
 * {@code import districts --file=F --crs=GCJ02}, {@code import census --file=F}. Prints the report
 * (every bad row with its number, column and reason) and exits 0 when every row was good,
 * 1 when some rows were refused, 2 on unusable arguments or files.
 */
@Component
@ConditionalOnProperty(name = "servicemap.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final StationImportService stations;
    private final DistrictService districts;
    private final RegionImportService regions;
    private final RegionRepository regionRepository;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    ImportCommand(StationImportService stations, DistrictService districts, RegionImportService regions,
                  RegionRepository regionRepository) {
        this.stations = stations;
        this.districts = districts;
        this.regions = regions;
        this.regionRepository = regionRepository;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        String what = words.size() > 1 ? words.get(1) : "";
        try {
            if (what.equals("region")) {
                importRegion(args);
                return;
            }
            String file = option(args, "file");
            if (file == null && words.size() > 2) {
                file = words.get(2);
            }
            if (file == null || !Files.isRegularFile(Path.of(file))) {
                throw new IllegalArgumentException("--file must name an existing file (was " + file + ")");
            }
            Path path = Path.of(file);
            String region = region(args);
            switch (what) {
                case "stations" -> {
                    // a Gauss-Kruger grid's EPSG code (e.g. --crs=EPSG:4549) as the web import takes it
                    cn.servicemap.gis.crs.NationalCrs grid = cn.servicemap.gis.crs.NationalCrs.parse(option(args, "crs")).orElse(null);
                    // no --crs: the columns of an AMap/Tencent/Baidu POI export tell it, or the report refuses the file
                    importStations(path, grid != null ? CoordinateSystem.WGS84 : option(args, "crs") == null ? null : crs(args), grid,
                            args.containsOption("commit"));
                }
                case "districts" -> {
                    try (InputStream in = Files.newInputStream(path)) {
                        CoordinateSystem crs = crs(args);
                        int n = districts.importBoundaries(in, crs, path.getFileName() + " (" + crs + ")", region).size();
                        out.println("已导入 " + n + " 个区县边界 (imported " + n + " district boundaries)");
                    }
                }
                case "census" -> {
                    try (InputStream in = Files.newInputStream(path)) {
                        var r = districts.importCensus(in, path.getFileName().toString(), region);
                        out.println("已匹配 " + r.matched() + " 个区县的人口 (census matched " + r.matched() + " districts); "
                                + "无人口数据: " + r.districtsWithoutCensus());
                    }
                }
                default -> throw new IllegalArgumentException("usage: import region --code=ADCODE --name=名称 --osm=F.osm.pbf "
                        + "--districts=F.json --crs=GCJ02 --census=F.csv | import <stations|districts|census> --file=F "
                        + "[--crs=WGS84|CGCS2000|GCJ02|BD09|EPSG:<Gauss-Kruger code, stations only>] [--region=CODE] [--commit]");
            }
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> out.println("导入失败 (import failed): " + f.field() + ": " + f.reason()));
            exitCode = 2;
        } catch (Exception e) {
            out.println("导入失败 (import failed): " + e.getMessage());
            exitCode = 2;
        }
    }

    /** {@code import region}: a region from its OSM extract, district boundaries and census, ready to serve. */
    private void importRegion(ApplicationArguments args) throws Exception {
        RegionImportService.Imported r = regions.importRegion(option(args, "code"), option(args, "name"), path(args, "osm"),
                path(args, "districts"), crs(args), path(args, "census"), "cli");
        out.println("区域 " + r.region().code() + " " + r.region().nameZh() + " 已就绪：" + r.districts() + " 个区县，"
                + r.districtsWithCensus() + " 个有人口数据，路网 " + r.edges() + " 段 (region ready: " + r.districts() + " districts, "
                + r.districtsWithCensus() + " with census, " + r.edges() + " network edges)");
        if (!r.districtsWithoutCensus().isEmpty()) {
            out.println("注意：这些区县没有人口数据 (no census figure for): " + r.districtsWithoutCensus());
        }
    }

    private static Path path(ApplicationArguments args, String name) {
        String v = option(args, name);
        return v == null ? null : Path.of(v);
    }

    /** The --region a district or census import is for: must exist; absent means the only region, or none yet. */
    private String region(ApplicationArguments args) {
        String code = option(args, "region");
        if (code == null) {
            List<cn.servicemap.region.Region> all = regionRepository.findAll();
            if (all.size() > 1) {
                throw new IllegalArgumentException("--region is required: this database holds several regions "
                        + all.stream().map(cn.servicemap.region.Region::code).toList());
            }
            return all.isEmpty() ? null : all.get(0).code();
        }
        return regionRepository.find(code).map(cn.servicemap.region.Region::code)
                .orElseThrow(() -> new IllegalArgumentException("no region " + code + "; create it with: import region --code=" + code + " …"));
    }

    private void importStations(Path path, CoordinateSystem crs, cn.servicemap.gis.crs.NationalCrs grid, boolean commit) throws Exception {
        var outcome = stations.importFile(path, path.getFileName().toString(), crs, grid, commit, "cli", StationRepository.Origin.USER,
                good -> { });
        var r = outcome.report();
        out.printf("%s (%s, %s): %d 行, %d 行通过, %d 行有误 (%d rows, %d good, %d bad)%n", r.fileName(), r.format(),
                r.coordinateSystem() == null ? "未声明坐标系 (no coordinate system)" : r.coordinateSystem(), r.totalRows(), r.goodRows().size(), r.badRows(), r.totalRows(), r.goodRows().size(), r.badRows());
        for (String w : r.warnings()) {
            out.println("注意 (warning): " + w);
        }
        for (RowProblem p : r.problems()) {
            out.printf("第 %d 行 [%s] %s: %s%n", p.rowNumber(), p.column() == null ? "-" : p.column(), p.code(), p.reason());
        }
        out.println(outcome.committed()
                ? "已写入 " + outcome.stationIds().size() + " 个站点 (committed, import run " + outcome.importRunId() + ")"
                : "试运行，未写入；加 --commit 写入通过的行 (dry run: nothing written; add --commit to write the good rows)");
        exitCode = r.badRows() > 0 ? 1 : 0;
    }

    private static CoordinateSystem crs(ApplicationArguments args) {
        String crs = option(args, "crs");
        if (crs == null) {
            throw new IllegalArgumentException("--crs is required: the file's coordinate system (WGS84, CGCS2000, GCJ02 or BD09)");
        }
        return CoordinateSystem.parse(crs);
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
