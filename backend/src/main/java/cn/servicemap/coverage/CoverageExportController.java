package cn.servicemap.coverage;

import cn.servicemap.gis.network.TravelProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import cn.servicemap.system.Spreadsheet;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coverage report's district table as a file planners can open in Excel or WPS: CSV (UTF-8 with a
 * byte-order mark, so Excel reads the Chinese right) or XLSX, with Chinese headers, one row per
 * district and a total row, and the region, profile and data version in the file name and first rows.
 */
@RestController
class CoverageExportController {

    private static final String REGION = "The region's code (区域代码); may be left out while the instance holds one region";

    private final WhatIfs whatIfs;
    private final CoverageService coverage;

    CoverageExportController(WhatIfs whatIfs, CoverageService coverage) {
        this.whatIfs = whatIfs;
        this.coverage = coverage;
    }

    /** The file types the table downloads as. */
    enum Format {
        csv, xlsx
    }

    @Operation(summary = "Download the coverage report per district as CSV or XLSX (导出覆盖率报告)")
    @GetMapping("/api/coverage/export")
    ResponseEntity<byte[]> export(@Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "xlsx") Format format,
                                  @Parameter(description = "WALK (步行), EBIKE (电动自行车) or CAR (驾车)") @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
                                  @Parameter(description = "Band limits in minutes, ascending, e.g. 5,10,15") @RequestParam(required = false) Bands bands,
                                  @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
            @Parameter(description = WhatIfs.DEMAND) @RequestParam(required = false) String demand,
                                  @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at) throws IOException {
        CoverageService.State state = whatIfs.state(region, profile, bands, kind, service, whatIfs.moment(openNow, at), demand);
        CoverageResponses.Report report = CoverageResponses.report(state, state.coverage());
        List<List<Object>> rows = table(report, CoverageResponses.cross(state, coverage.cross(state)));
        String title = "覆盖率报告 " + state.region().region().nameZh() + " " + state.profile().chineseLabel()
                + " 数据版本 " + state.dataVersion();
        String fileName = "coverage-" + state.region().region().code() + "-" + state.profile().name().toLowerCase()
                + "-v" + state.dataVersion() + "." + format;
        byte[] body = format == Format.csv ? csv(title, rows) : xlsx(title, rows);
        return Spreadsheet.download(body, format == Format.csv ? Spreadsheet.CSV : Spreadsheet.XLSX,
                fileName);
    }

    /** The header row and one row per district, then the total row, from the typed report and its 交叉覆盖. */
    static List<List<Object>> table(CoverageResponses.Report report, CoverageResponses.Cross cross) {
        java.util.Map<String, CoverageResponses.CrossRow> crossRows = new java.util.HashMap<>();
        cross.districts().forEach(r -> crossRows.put(r.adcode(), r));
        List<Integer> bands = report.bands();
        List<Object> header = new ArrayList<>(List.of("区", "行政区划代码", "区面积(km²)", "路网覆盖面积(km²)", "路网覆盖比例", "估算人口"));
        for (int b : bands) {
            header.add(b + "分钟覆盖人口");
            header.add(b + "分钟覆盖率");
        }
        header.addAll(List.of("平均用时(分钟)", "90%用时(分钟)", "驿站数", "每万人驿站数", "道路(km)"));
        for (int b : bands) {
            header.add(b + "分钟覆盖道路(km)");
        }
        for (int b : bands) {
            header.add(b + "分钟交叉覆盖人口");
            header.add(b + "分钟交叉覆盖率");
        }
        header.add("人口估算方法");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(header);
        List<CoverageResponses.DistrictRow> districts = new ArrayList<>(report.districts());
        districts.add(report.total());
        for (CoverageResponses.DistrictRow d : districts) {
            List<Object> row = new ArrayList<>();
            row.add(d.name());
            row.add(d.adcode() == null ? "" : d.adcode());
            row.add(d.districtAreaKm2());
            row.add(d.coveredAreaKm2());
            row.add(d.coveredShareOfArea());
            row.add(d.people());
            for (CoverageResponses.BandRow b : d.bands()) {
                row.add(b.peopleCovered());
                row.add(b.peopleShare());
            }
            row.add(d.meanMinutes());
            row.add(d.p90Minutes());
            row.add(d.stations());
            row.add(d.stationsPer10kPeople());
            row.add(d.roadKm());
            for (CoverageResponses.BandRow b : d.bands()) {
                row.add(b.roadKmCovered());
            }
            CoverageResponses.CrossRow c = d.adcode() == null ? cross.total() : crossRows.get(d.adcode());
            for (int i = 0; i < bands.size(); i++) {
                CoverageResponses.CrossBand cb = c == null ? null : c.bands().get(i);
                row.add(cb == null ? null : cb.peopleWithTwo());
                row.add(cb == null ? null : cb.share());
            }
            row.add(d.populationMethod());
            rows.add(row);
        }
        return rows;
    }

    private static byte[] csv(String title, List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(List.of(title));
        all.addAll(rows);
        return Spreadsheet.csv(all);
    }

    private static byte[] xlsx(String title, List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(List.of(title));
        all.addAll(rows);
        return Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet("覆盖率", all)));
    }
}
