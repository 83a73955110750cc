package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.demo.DemoStations;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationImportCheckTest {

    @TempDir
    Path dir;

    final StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200));

    ImportReport check(String fileName, String content, List<StationImportCheck.StoredStation> stored) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try (RowSource rows = RowSources.open(file, fileName)) {
            return StationImportCheck.check(rows, fileName, CoordinateSystem.WGS84, checker, stored);
        }
    }

    @Test
    void shouldMapEnglishHeadersAndWarnAboutUnknownColumns() throws IOException {
        ImportReport r = check("en.csv", "Name,Type,Longitude,Latitude,Opening_Hours,Remarks\n站A,爱心驿站,118.78,32.04,24/7,备注\n", List.of());
        assertThat(r.goodRows()).hasSize(1);
        assertThat(r.goodRows().get(0).station().openingHours()).isEqualTo("24/7");
        assertThat(r.warnings()).singleElement().asString().contains("Remarks");
    }

    @Test
    void shouldRejectAFileWithoutTheRequiredColumns() throws IOException {
        ImportReport r = check("bad.csv", "名称,地址\n站A,某路1号\n", List.of());
        assertThat(r.fileRejected()).isTrue();
        assertThat(r.problems()).extracting(RowProblem::code).containsOnly(ProblemCode.MISSING_COLUMN);
        assertThat(r.problems()).hasSize(3); // kind, lon, lat
        assertThat(r.goodRows()).isEmpty();
    }

    @Test
    void shouldFlagDuplicatesOfEarlierRowsAndOfStoredStations() throws IOException {
        String csv = "名称,类型,经度,纬度\n"
                + "站A,爱心驿站,118.7800,32.0400\n"     // 2
                + "站A,爱心驿站,118.78005,32.0400\n"    // 3: ~5 m from row 2
                + "站B,爱心驿站,118.7900,32.0500\n"     // 4: ~1 m from stored #9
                + "站A,爱心驿站,118.7900,32.0400\n";    // 5: same name, ~940 m away: fine
        ImportReport r = check("dup.csv", csv, List.of(new StationImportCheck.StoredStation(9, "站B", 118.79001, 32.05)));
        assertThat(r.problems()).extracting(RowProblem::rowNumber, RowProblem::code)
                .containsExactly(tuple(3, ProblemCode.DUPLICATE), tuple(4, ProblemCode.DUPLICATE));
        assertThat(r.problems().get(0).reason()).contains("第 2 行");
        assertThat(r.problems().get(1).reason()).contains("#9");
        assertThat(r.goodRows()).extracting(ImportedRow::rowNumber).containsExactly(2, 5);
    }

    @Test
    void shouldIgnoreTheNamePrefixesTheCallerGives() throws IOException {
        String csv = "名称,类型,经度,纬度\n"
                + "站C,爱心驿站,118.7900,32.0500\n";   // 2: ~1 m from stored demo station #5
        List<StationImportCheck.StoredStation> stored = List.of(new StationImportCheck.StoredStation(5, "【示例】站C", 118.79001, 32.05));
        assertThat(check("plain.csv", csv, stored).problems()).isEmpty();
        Path file = dir.resolve("demo.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        StationChecker demoAware = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200),
                List.of(DemoStations.PREFIX));
        try (RowSource rows = RowSources.open(file, "demo.csv")) {
            assertThat(StationImportCheck.check(rows, "demo.csv", CoordinateSystem.WGS84, demoAware, stored).problems())
                    .extracting(RowProblem::rowNumber, RowProblem::code).containsExactly(tuple(2, ProblemCode.DUPLICATE));
        }
    }

    @Test
    void shouldCheckAHundredThousandRowsWithEveryRowNumberRight() throws IOException {
        Path file = dir.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("名称,类型,经度,纬度,服务项目\n");
            for (int i = 0; i < 100_000; i++) {
                boolean bad = i % 10_000 == 0;
                w.write("站" + i + ",爱心驿站," + (bad ? "abc" : String.format("%.5f", 118.70 + (i % 300) * 0.0005)) + ","
                        + String.format("%.5f", 32.0 + (i / 300) * 0.0005) + ",饮水|如厕\n");
            }
        }
        ImportReport r;
        try (RowSource rows = RowSources.open(file, "big.csv")) {
            r = StationImportCheck.check(rows, "big.csv", CoordinateSystem.WGS84, checker, List.of());
        }
        assertThat(r.totalRows()).isEqualTo(100_000);
        assertThat(r.goodRows()).hasSize(99_990);
        assertThat(r.problems()).extracting(RowProblem::rowNumber)
                .containsExactly(2, 10_002, 20_002, 30_002, 40_002, 50_002, 60_002, 70_002, 80_002, 90_002);
        assertThat(r.goodRows().get(99_989).rowNumber()).isEqualTo(100_001);
        assertThat(r.goodRows().get(0).station().services()).containsExactly("WATER", "TOILET");
    }

    @Test
    void shouldListTheFirstHundredWarningsAndCountTheRest() throws IOException {
        StringBuilder header = new StringBuilder("名称,类型,经度,纬度");
        for (int i = 1; i <= 150; i++) {
            header.append(",备注").append(i);
        }
        ImportReport r = check("cols.csv", header + "\n站A,爱心驿站,118.78,32.04\n", List.of());
        assertThat(r.goodRows()).hasSize(1);
        assertThat(r.warnings()).hasSize(StationImportCheck.MAX_LISTED_WARNINGS + 1);
        assertThat(r.warnings().get(0)).contains("备注1");
        assertThat(r.warnings()).last().isEqualTo("另有 50 条警告未列出 (50 more warnings not listed)");
    }

    @Test
    void shouldListTheFirstThousandProblemsAndCountTheRowsAndTheRest() throws IOException {
        StringBuilder csv = new StringBuilder("名称,类型,经度,纬度\n");
        for (int i = 0; i < 1_500; i++) {
            csv.append("站").append(i).append(",爱心驿站,abc,32.04\n");
        }
        csv.append("站好,爱心驿站,118.78,32.04\n");
        ImportReport r = check("bad.csv", csv.toString(), List.of());
        assertThat(r.totalRows()).isEqualTo(1_501);
        assertThat(r.goodRows()).hasSize(1);
        assertThat(r.badRows()).isEqualTo(1_500);
        assertThat(r.problems()).hasSize(StationImportCheck.MAX_LISTED_PROBLEMS);
        assertThat(r.problems().get(999).rowNumber()).isEqualTo(1_001);
        assertThat(r.unlistedProblems()).isEqualTo(500);
        assertThat(r.warnings()).singleElement().asString()
                .isEqualTo("只列出前 1000 个问题，另有 500 个未列出 (only the first 1,000 problems are listed; 500 more are not)");
        assertThat(r.fileRejected()).isFalse();
    }

    @Test
    void shouldQuoteLongValuesShortInProblemsAndWarnings() throws IOException {
        String longKind = "类".repeat(5_000);
        String longHeader = "列".repeat(5_000);
        ImportReport r = check("long.csv", "名称,类型,经度,纬度," + longHeader + "\n站A," + longKind + ",118.78,32.04,x\n", List.of());
        RowProblem p = r.problems().get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_KIND);
        assertThat(p.value()).hasSize(StationImportCheck.MAX_QUOTED_CHARS).endsWith("…");
        assertThat(p.reason()).hasSizeLessThan(300);
        assertThat(r.warnings()).singleElement().asString().hasSizeLessThan(300);
    }
}
