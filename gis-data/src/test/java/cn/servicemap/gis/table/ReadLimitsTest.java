package cn.servicemap.gis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.table.ShapefileTestWriter.Feature;

/** What an upload may expand to: every reader refuses a file beyond {@link ReadLimits}, early, with a message for the user. */
class ReadLimitsTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- XLSX

    @Test
    void shouldRefuseAnXlsxBombOfOneMegabyteThatInflatesToAGibibyteWhileInflatingIt() throws IOException {
        // a sheet of 1 GiB of spaces between two rows, deflated to 1 MB, that says it is 4 KB
        String row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
        Path file = TestZips.workbook()
                .bomb("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + row, " ".repeat(1 << 20), 1024,
                        row + TestZips.SHEET_TAIL, 4096)
                .write(dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(2L << 20);

        long start = System.nanoTime();
        assertThatThrownBy(() -> RowSources.open(file, "站点.xlsx"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("工作簿解压后超过 256 MB (the workbook unzips to more than 256 MB)");
        // refused after inflating the 256 MB of the budget, not the 1 GiB, and never parsed
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @Test
    void shouldRefuseAnXlsxThatDeclaresMoreThanTheLimitWithoutInflatingIt() throws IOException {
        Path file = fastexcelWorkbook("big.xlsx", 2_000, 5);
        ReadLimits small = ReadLimits.DEFAULTS.withMaxUnzippedBytes(64 << 10);
        assertThatThrownBy(() -> RowSources.open(file, "big.xlsx", small))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("工作簿解压后超过 64 KB (the workbook unzips to more than 64 KB)");
        try (RowSource source = RowSources.open(file, "big.xlsx")) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(2_000);
        }
    }

    @Test
    void shouldRefuseAnXlsxCellFarRightBeforeTheSheetReaderAllocatesTheColumns() throws IOException {
        // a sheet reader allocates every column up to the rightmost cell: ZZZZZZ is column 321,272,406
        Path far = TestZips.workbook()
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD
                        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c><c r=\"ZZZZZZ1\"/></row>" + TestZips.SHEET_TAIL)
                .write(dir.resolve("far.xlsx"));
        assertThatThrownBy(() -> RowSources.open(far, "far.xlsx"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessageStartingWith("表格列数超过 200 列：第 1 行的单元格 ZZZZZZ1在第 321272406 列")
                .hasMessageContaining("(more than 200 columns: cell ZZZZZZ1 in row 1 is in column 321,272,406");

        Path wide = dir.resolve("wide.xlsx");
        try (OutputStream out = Files.newOutputStream(wide)) {
            Workbook wb = new Workbook(out, "ServiceMap test", "1.0");
            Worksheet ws = wb.newWorksheet("站点");
            ws.value(0, 0, "名称");
            ws.value(5, 3, "右边"); // D6
            wb.finish();
        }
        assertThatThrownBy(() -> RowSources.open(wide, "wide.xlsx", ReadLimits.DEFAULTS.withMaxColumns(3)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessageContaining("表格列数超过 3 列：第 6 行的单元格 D6在第 4 列");
        try (RowSource source = RowSources.open(wide, "wide.xlsx", ReadLimits.DEFAULTS.withMaxColumns(4))) {
            assertThat(CsvRowSourceTest.readAll(source)).singleElement()
                    .satisfies(r -> assertThat(r.readProblems()).singleElement().asString().contains("右边"));
        }
    }

    @Test
    void shouldRefuseAnXlsxWithTooManyRowsAtOpen() throws IOException {
        Path file = fastexcelWorkbook("rows.xlsx", 10, 3);
        try (RowSource source = RowSources.open(file, "rows.xlsx", ReadLimits.DEFAULTS.withMaxRows(10))) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(10);
        }
        assertThatThrownBy(() -> RowSources.open(file, "rows.xlsx", ReadLimits.DEFAULTS.withMaxRows(9)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("表格超过 9 行数据 (more than 9 rows)");
    }

    @Test
    void shouldRefuseAnXlsxWithATooLongTextInTheSheetOrTheSharedStrings() throws IOException {
        Path inline = TestZips.workbook()
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>名称</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "长".repeat(10_001) + "</t></is></c></row>" + TestZips.SHEET_TAIL)
                .write(dir.resolve("inline.xlsx"));
        assertThatThrownBy(() -> RowSources.open(inline, "inline.xlsx"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("第 2 行的单元格 A2超过 10000 个字符 (cell A2 in row 2 is longer than 10,000 characters)");

        Path shared = fastexcelWorkbook("shared.xlsx", 3, 2);
        assertThatThrownBy(() -> RowSources.open(shared, "shared.xlsx", ReadLimits.DEFAULTS.withMaxCellChars(2)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("工作簿第 3 个共享文本超过 2 个字符 (shared text 3 of the workbook is longer than 2 characters)");
    }

    @Test
    void shouldRefuseASharedStringIndexBeyondTheTableInsteadOfFillingTheGap() throws IOException {
        Path file = TestZips.workbook("名称")
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2000000000</v></c></row>" + TestZips.SHEET_TAIL)
                .write(dir.resolve("index.xlsx"));
        assertThatThrownBy(() -> RowSources.open(file, "index.xlsx"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("工作簿已损坏").hasMessageContaining("A2");
    }

    @Test
    void shouldReadAHandMadeWorkbookAndRefuseADtdOrNesting() throws IOException {
        Path good = TestZips.workbook("名称", "驿站")
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>" + TestZips.SHEET_TAIL)
                .write(dir.resolve("good.xlsx"));
        try (RowSource source = RowSources.open(good, "good.xlsx")) {
            assertThat(source.headers()).containsExactly("名称");
            assertThat(CsvRowSourceTest.readAll(source)).singleElement().satisfies(r -> assertThat(r.cell("名称")).isEqualTo("驿站"));
        }

        Path dtd = new TestZips().add("[Content_Types].xml", TestZips.CONTENT_TYPES)
                .add("xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<workbook><sheets><sheet name=\"&e;\"/></sheets></workbook>")
                .add("xl/_rels/workbook.xml.rels", TestZips.WORKBOOK_RELS)
                .write(dir.resolve("dtd.xlsx"));
        assertThatThrownBy(() -> RowSources.open(dtd, "dtd.xlsx"))
                .isInstanceOf(IOException.class).hasMessageContaining("DTD").hasMessageNotContaining("Exception");

        Path deep = TestZips.workbook()
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + "<x>".repeat(100) + "</x>".repeat(100) + TestZips.SHEET_TAIL)
                .write(dir.resolve("deep.xlsx"));
        assertThatThrownBy(() -> RowSources.open(deep, "deep.xlsx"))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("嵌套超过 64 层");
    }

    @Test
    void shouldRefuseAnXlsxWithTooManyEntriesOrDuplicateNames() throws IOException {
        Path file = fastexcelWorkbook("entries.xlsx", 1, 1);
        assertThatThrownBy(() -> RowSources.open(file, "entries.xlsx", ReadLimits.DEFAULTS.withMaxZipEntries(3)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("工作簿内的文件超过 3 个 (the workbook holds more than 3 files)");

        Path twice = TestZips.workbook()
                .add("xl/worksheets/sheet1.xml", TestZips.SHEET_HEAD + TestZips.SHEET_TAIL)
                .add("XL/worksheets/Sheet1.xml", TestZips.SHEET_HEAD + TestZips.SHEET_TAIL)
                .write(dir.resolve("twice.xlsx"));
        assertThatThrownBy(() -> RowSources.open(twice, "twice.xlsx"))
                .isInstanceOf(IOException.class).hasMessageContaining("工作簿已损坏");
    }

    // ---------------------------------------------------------------- Shapefile

    @Test
    void shouldRefuseAZippedShapefileWhoseDbfInflatesPastTheLimit() throws IOException {
        ShapefileTestWriter layer = new ShapefileTestWriter().field("名称", 'C', 250, 0).field("备注", 'C', 250, 0);
        for (int i = 0; i < 200; i++) {
            layer.feature(Feature.point(118.78, 32.04, "驿站" + i, ""));
        }
        Path zip = layer.writeZip(dir.resolve("wide.zip"), true); // a .dbf of 100 KB, deflated to 3 KB
        ReadLimits small = ReadLimits.DEFAULTS.withMaxUnzippedBytes(64 << 10);
        assertThatThrownBy(() -> RowSources.open(zip, "wide.zip", small))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("压缩包解压后超过 64 KB (the zip unzips to more than 64 KB)");

        // the same .dbf in a zip that says it is 100 bytes: the .dbf header still tells, and the bytes are counted
        Path lying;
        try (ZipFile honest = new ZipFile(zip.toFile())) {
            TestZips lies = new TestZips();
            for (var entry : java.util.Collections.list(honest.entries())) {
                lies.lying(entry.getName(), honest.getInputStream(entry).readAllBytes(), 100);
            }
            lying = lies.write(dir.resolve("lying.zip"));
        }
        assertThatThrownBy(() -> RowSources.open(lying, "lying.zip", small))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("压缩包解压后超过 64 KB");
        try (RowSource source = RowSources.open(lying, "lying.zip")) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(200);
        }
    }

    @Test
    void shouldCountTheBytesOfAShpRecordThatClaimsAGigabyte() throws IOException {
        // one .shp record whose header says its content is 1 GB long, and really is 1 MB of zeros; the zip and
        // the .shp header both say the file is small
        byte[] dbf;
        Path honest = new ShapefileTestWriter().field("名称", 'C', 20, 0)
                .feature(Feature.point(118.78, 32.04, "驿站")).feature(Feature.point(118.79, 32.05, "驿站2"))
                .writeZip(dir.resolve("honest.zip"), true);
        try (ZipFile zip = new ZipFile(honest.toFile())) {
            dbf = zip.getInputStream(zip.getEntry("stations.dbf")).readAllBytes();
        }
        ByteBuffer shp = ByteBuffer.allocate(100 + 8 + (1 << 20));
        shp.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, 100);
        shp.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1);
        shp.order(ByteOrder.BIG_ENDIAN).putInt(100, 1).putInt(104, 500_000_000); // 16-bit words: 1 GB
        shp.order(ByteOrder.LITTLE_ENDIAN).putInt(108, 1);
        Path zip = new TestZips().lying("stations.shp", shp.array(), 200).lying("stations.dbf", dbf, 200)
                .write(dir.resolve("shp-bomb.zip"));

        try (RowSource source = RowSources.open(zip, "shp-bomb.zip", ReadLimits.DEFAULTS.withMaxUnzippedBytes(256 << 10))) {
            Iterator<SourceRow> rows = source.iterator();
            assertThatThrownBy(rows::hasNext)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(ReadLimitException.class)
                    .hasMessageContaining("压缩包解压后超过 256 KB");
        }
    }

    @Test
    void shouldRefuseADbfWithTooManyFieldsOrRecordsAndAZipWithTooManyEntries() throws IOException {
        Path zip = new ShapefileTestWriter().field("a", 'C', 5, 0).field("b", 'C', 5, 0).field("c", 'C', 5, 0)
                .feature(Feature.point(118.78, 32.04, "1", "2", "3")).feature(Feature.point(118.78, 32.04, "4", "5", "6"))
                .prj(ShapefileTestWriter.WGS84_PRJ).cpg("UTF-8")
                .writeZip(dir.resolve("fields.zip"), true);
        assertThatThrownBy(() -> RowSources.open(zip, "fields.zip", ReadLimits.DEFAULTS.withMaxColumns(2)))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格列数超过 2 列 (more than 2 columns)");
        assertThatThrownBy(() -> RowSources.open(zip, "fields.zip", ReadLimits.DEFAULTS.withMaxRows(1)))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格超过 1 行数据 (more than 1 rows)");
        assertThatThrownBy(() -> RowSources.open(zip, "fields.zip", ReadLimits.DEFAULTS.withMaxZipEntries(4)))
                .isInstanceOf(ReadLimitException.class).hasMessage("压缩包内的文件超过 4 个 (the zip holds more than 4 files)");
        try (RowSource source = RowSources.open(zip, "fields.zip", ReadLimits.DEFAULTS.withMaxColumns(3).withMaxRows(2)
                .withMaxZipEntries(5))) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(2);
        }
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void shouldRefuseACsvOf200001ColumnsAtTheHeader() throws IOException {
        StringBuilder header = new StringBuilder("名称");
        for (int i = 2; i <= 200_001; i++) {
            header.append(",c").append(i);
        }
        Path file = Files.writeString(dir.resolve("wide.csv"), header + "\n驿站\n");
        assertThatThrownBy(() -> RowSources.open(file, "wide.csv"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("表格列数超过 200 列 (more than 200 columns)");

        // blank header cells at the end do not count, and neither do blank cells of the rows
        Path padded = Files.writeString(dir.resolve("padded.csv"), "名称,经度" + ",".repeat(300) + "\n驿站,118" + ",".repeat(5000) + "\n");
        try (RowSource source = RowSources.open(padded, "padded.csv")) {
            assertThat(source.headers()).containsExactly("名称", "经度");
            assertThat(CsvRowSourceTest.readAll(source)).singleElement().satisfies(r -> assertThat(r.readProblems()).isEmpty());
        }
    }

    @Test
    void shouldRefuseACsvCellLongerThanTheLimitAndHintAtAnOpenQuote() throws IOException {
        Path longCell = Files.writeString(dir.resolve("long.csv"), "名称,地址\n驿站," + "长".repeat(10_001) + "\n");
        assertThatThrownBy(() -> RowSources.open(longCell, "long.csv"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("第 2 行第 2 列的单元格超过 10000 个字符 (the cell in row 2, column 2 is longer than 10,000 characters)");

        Path openQuote = Files.writeString(dir.resolve("quote.csv"), "名称,地址\n\"驿站,南京\n" + "驿站,南京\n".repeat(2_000));
        assertThatThrownBy(() -> RowSources.open(openQuote, "quote.csv"))
                .isInstanceOf(ReadLimitException.class)
                .hasMessageContaining("第 2 行第 1 列的单元格超过 10000 个字符，可能是引号没有闭合")
                .hasMessageContaining("perhaps a quote is not closed");

        Path longName = Files.writeString(dir.resolve("name.csv"), "名称," + "列".repeat(10_001) + "\n驿站,1\n");
        assertThatThrownBy(() -> RowSources.open(longName, "name.csv"))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("第 1 行第 2 列的单元格超过 10000 个字符");
        try (RowSource source = RowSources.open(longCell, "long.csv", ReadLimits.DEFAULTS.withMaxCellChars(10_001))) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(1);
        }
    }

    @Test
    void shouldRefuseACsvWithTooManyRowsAtOpenNotCountingBlankOnes() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.csv"), "名称\n" + "驿站\n\n,\n".repeat(5));
        ReadLimits five = ReadLimits.DEFAULTS.withMaxRows(5);
        try (RowSource source = RowSources.open(file, "rows.csv", five)) {
            assertThat(CsvRowSourceTest.readAll(source)).hasSize(5);
        }
        assertThatThrownBy(() -> RowSources.open(file, "rows.csv", ReadLimits.DEFAULTS.withMaxRows(4)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("表格超过 4 行数据 (more than 4 rows)");
    }

    @Test
    void shouldKeepOnlyTheFirstExtraCellOfARowAndReportIt() throws IOException {
        Path file = Files.writeString(dir.resolve("extra.csv"), "名称,经度\n驿站,118" + ",".repeat(1000) + "多余" + ",x".repeat(1000) + "\n");
        try (RowSource source = RowSources.open(file, "extra.csv")) {
            SourceRow row = CsvRowSourceTest.readAll(source).get(0);
            assertThat(row.cells()).containsOnlyKeys("名称", "经度");
            assertThat(row.readProblems()).singleElement().asString()
                    .isEqualTo("more cells than the 2 header columns: column 1002 holds '多余'");
        }
    }

    // ---------------------------------------------------------------- GeoJSON

    @Test
    void shouldRefuseGeoJsonBeyondTheLimitsAtOpen() throws IOException {
        String point = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.78,32.04]},\"properties\":%s}";
        Path three = geojson("three.geojson", String.format(point, "{\"名称\":\"a\"}"), String.format(point, "{\"名称\":\"b\"}"),
                String.format(point, "{\"名称\":\"c\"}"));
        assertThatThrownBy(() -> RowSources.open(three, "three.geojson", ReadLimits.DEFAULTS.withMaxRows(2)))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格超过 2 行数据 (more than 2 rows)");

        Path names = geojson("names.geojson", String.format(point, "{\"a\":1,\"b\":2}"), String.format(point, "{\"c\":1,\"d\":2}"));
        assertThatThrownBy(() -> RowSources.open(names, "names.geojson", ReadLimits.DEFAULTS.withMaxColumns(3)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("表格列数超过 3 列：要素的属性名超过 3 种 (more than 3 columns: the features have more than 3 different properties)");

        Path longText = geojson("long.geojson", String.format(point, "{\"名称\":\"" + "长".repeat(10_001) + "\"}"));
        assertThatThrownBy(() -> RowSources.open(longText, "long.geojson"))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("GeoJSON 中有一段文本超过 10000 个字符");

        Path longArray = geojson("array.geojson", String.format(point, "{\"服务\":[" + "\"饮水\",".repeat(3_500) + "\"充电\"]}"));
        assertThatThrownBy(() -> RowSources.open(longArray, "array.geojson"))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("第 1 个要素的属性“服务”超过 10000 个字符");

        Path deep = geojson("deep.geojson", String.format(point, "{\"x\":" + "[".repeat(70) + "]".repeat(70) + "}"));
        assertThatThrownBy(() -> RowSources.open(deep, "deep.geojson"))
                .isInstanceOf(ReadLimitException.class).hasMessage("GeoJSON 嵌套超过 64 层 (the GeoJSON is nested more than 64 levels deep)");

        Path polygon = geojson("polygon.geojson", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
                + "[118.7,32.0],".repeat(500) + "[118.8,32.1]]},\"properties\":{}}");
        assertThatThrownBy(() -> RowSources.open(polygon, "polygon.geojson", ReadLimits.DEFAULTS.withMaxFeatureValues(1000)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("GeoJSON 中有要素超过 1000 个值 (a feature of the GeoJSON holds more than 1,000 values)");
        try (RowSource source = RowSources.open(polygon, "polygon.geojson")) {
            assertThat(CsvRowSourceTest.readAll(source)).singleElement()
                    .satisfies(r -> assertThat(r.readProblems()).singleElement().asString().contains("LineString"));
        }
    }

    // ---------------------------------------------------------------- every reader

    @Test
    void shouldEndTheIterationWithTheRowLimitAsTheLastLine() {
        AbstractRowSource endless = new AbstractRowSource(ReadLimits.DEFAULTS.withMaxRows(3)) {
            private int n;

            @Override
            protected SourceRow readNext() {
                return new SourceRow(++n, Map.of("名称", "驿站"), List.of());
            }

            @Override
            protected void closeResources() {
            }

            @Override
            public List<String> headers() {
                return List.of("名称");
            }

            @Override
            public String format() {
                return "test";
            }

            @Override
            public Optional<CoordinateSystem> declaredCoordinateSystem() {
                return Optional.empty();
            }
        };
        Iterator<SourceRow> rows = endless.iterator();
        for (int i = 0; i < 3; i++) {
            rows.next();
        }
        assertThatThrownBy(rows::hasNext).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("表格超过 3 行数据 (more than 3 rows)");
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void shouldDescribeTheDefaults() {
        assertThat(ReadLimits.DEFAULTS).isEqualTo(new ReadLimits(256L << 20, 10_000, 500_000, 200, 10_000, 64, 1_000_000,
                30_000_000));
        assertThatThrownBy(() -> ReadLimits.DEFAULTS.withMaxRows(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(XlsxPrecheck.column("A1")).isZero();
        assertThat(XlsxPrecheck.column("$XFD$1")).isEqualTo(16_383);
        assertThat(XlsxPrecheck.column("zz9")).isEqualTo(701);
        assertThat(XlsxPrecheck.column("ZZZZZZZZZZZZZZ1")).isEqualTo(Long.MAX_VALUE);
    }

    private Path fastexcelWorkbook(String name, int rows, int columns) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "ServiceMap test", "1.0");
            Worksheet ws = wb.newWorksheet("站点");
            for (int c = 0; c < columns; c++) {
                ws.value(0, c, c == 0 ? "名称" : "列" + c);
            }
            for (int r = 1; r <= rows; r++) {
                for (int c = 0; c < columns; c++) {
                    ws.value(r, c, c == 0 ? "驿站" + r : String.valueOf(r * c));
                }
            }
            wb.finish();
        }
        return file;
    }

    private Path geojson(String name, String... features) throws IOException {
        return Files.writeString(dir.resolve(name), "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}",
                StandardCharsets.UTF_8);
    }
}
