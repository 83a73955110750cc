package cn.servicemap.gis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowSourceTest {

    @TempDir
    Path dir;

    /** Excel rows: 1–2 empty, 3 header, 4–5 stations, 6 empty, 7 a station with an extra cell in column K. */
    private Path stations() throws IOException {
        Path file = dir.resolve("stations.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "ServiceMap test", "1.0");
            Worksheet ws = wb.newWorksheet("站点");
            String[] header = {"名称", "类型", "经度", "纬度", "容量", "建成日期", "开门", "更新时间", "有空调", "备注"};
            for (int c = 0; c < header.length; c++) {
                ws.value(2, c, header[c]);
            }
            ws.value(3, 0, " 新街口爱心驿站 ");
            ws.value(3, 1, "户外劳动者服务站点");
            ws.value(3, 2, 118.7654321);
            ws.value(3, 3, 32.0412345);
            ws.value(3, 4, 12);
            ws.value(3, 5, LocalDate.of(2023, 5, 1));
            ws.style(3, 5).format("yyyy-mm-dd").set();
            ws.value(3, 6, 0.375);
            ws.style(3, 6).format("hh:mm").set();
            ws.value(3, 7, LocalDateTime.of(2024, 3, 1, 14, 30));
            ws.style(3, 7).format("yyyy/m/d h:mm").set();
            ws.value(3, 8, true);
            ws.value(3, 9, 0.1 + 0.2);

            ws.value(4, 0, "鼓楼职工之家");
            ws.value(4, 2, 118.77);
            ws.value(4, 3, 32.06);
            ws.value(4, 4, 1.0e-5);
            ws.value(4, 5, LocalDate.of(2024, 12, 31));
            ws.style(4, 5).format("yyyy\"年\"m\"月\"d\"日\"").set();
            ws.value(4, 9, 12345678901234L);

            ws.value(6, 0, "河西工会驿站");
            ws.value(6, 2, -0.5);
            ws.value(6, 10, "多余");
            wb.finish();
        }
        return file;
    }

    @Test
    void shouldReadCellsAsTextLikeExcelShowsThem() throws IOException {
        List<SourceRow> rows;
        try (RowSource source = RowSources.open(stations(), "站点.xlsx")) {
            assertThat(source.format()).isEqualTo("XLSX");
            assertThat(source.declaredCoordinateSystem()).isEmpty();
            assertThat(source.headers()).containsExactly("名称", "类型", "经度", "纬度", "容量", "建成日期", "开门", "更新时间", "有空调", "备注");
            rows = CsvRowSourceTest.readAll(source);
        }
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(4, 5, 7);

        SourceRow first = rows.get(0);
        assertThat(first.cell("名称")).isEqualTo("新街口爱心驿站");
        assertThat(first.cell("经度")).isEqualTo("118.7654321");
        assertThat(first.cell("纬度")).isEqualTo("32.0412345");
        assertThat(first.cell("容量")).isEqualTo("12");
        assertThat(first.cell("建成日期")).isEqualTo("2023-05-01");
        assertThat(first.cell("开门")).isEqualTo("09:00");
        assertThat(first.cell("更新时间")).isEqualTo("2024-03-01T14:30");
        assertThat(first.cell("有空调")).isEqualTo("true");
        assertThat(first.cell("备注")).isEqualTo("0.3");
        assertThat(first.readProblems()).isEmpty();

        SourceRow second = rows.get(1);
        assertThat(second.cell("类型")).isEmpty();
        assertThat(second.cell("容量")).isEqualTo("0.00001");
        assertThat(second.cell("建成日期")).isEqualTo("2024-12-31");
        assertThat(second.cell("备注")).isEqualTo("12345678901234");

        SourceRow third = rows.get(2);
        assertThat(third.cell("经度")).isEqualTo("-0.5");
        assertThat(third.readProblems()).singleElement().asString().contains("多余");
    }

    @Test
    void shouldUseTheFirstNonEmptyRowAsHeader() throws IOException {
        Path file = dir.resolve("title.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "ServiceMap test", "1.0");
            Worksheet ws = wb.newWorksheet("Sheet1");
            ws.value(1, 1, "name");
            ws.value(1, 2, "lon");
            ws.value(2, 1, "A");
            ws.value(2, 2, 118);
            wb.finish();
        }
        try (RowSource source = RowSources.open(file, "title.xlsx")) {
            assertThat(source.headers()).containsExactly("column 1", "name", "lon");
            SourceRow row = CsvRowSourceTest.readAll(source).get(0);
            assertThat(row.rowNumber()).isEqualTo(3);
            assertThat(row.cell("lon")).isEqualTo("118");
        }
    }

    @Test
    void shouldConvertExcelSerialDates() {
        assertThat(XlsxRowSource.excelDateTime(new BigDecimal("45047"), false)).isEqualTo(LocalDateTime.of(2023, 5, 1, 0, 0));
        assertThat(XlsxRowSource.excelDateTime(new BigDecimal("1"), false)).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
        assertThat(XlsxRowSource.excelDateTime(new BigDecimal("61"), false)).isEqualTo(LocalDateTime.of(1900, 3, 1, 0, 0));
        assertThat(XlsxRowSource.excelDateTime(new BigDecimal("0"), true)).isEqualTo(LocalDateTime.of(1904, 1, 1, 0, 0));
        assertThat(XlsxRowSource.excelDateTime(new BigDecimal("0.37499999999"), false).toLocalTime())
                .hasToString("09:00");
    }

    @Test
    void shouldRecogniseDateFormats() {
        assertThat(XlsxRowSource.DateKind.of(14, null)).isEqualTo(XlsxRowSource.DateKind.DATE);
        assertThat(XlsxRowSource.DateKind.of(31, null)).as("zh-CN yyyy年m月d日").isEqualTo(XlsxRowSource.DateKind.DATE);
        assertThat(XlsxRowSource.DateKind.of(20, null)).isEqualTo(XlsxRowSource.DateKind.TIME);
        assertThat(XlsxRowSource.DateKind.of(22, null)).isEqualTo(XlsxRowSource.DateKind.DATE_TIME);
        assertThat(XlsxRowSource.DateKind.of(2, null)).isEqualTo(XlsxRowSource.DateKind.NONE);
        assertThat(XlsxRowSource.DateKind.of(164, "[$-804]yyyy\"年\"m\"月\"d\"日\";@")).isEqualTo(XlsxRowSource.DateKind.DATE);
        assertThat(XlsxRowSource.DateKind.of(165, "[h]:mm:ss")).isEqualTo(XlsxRowSource.DateKind.TIME);
        assertThat(XlsxRowSource.DateKind.of(166, "0.00E+00")).isEqualTo(XlsxRowSource.DateKind.NONE);
        assertThat(XlsxRowSource.DateKind.of(167, "#,##0.00 \"元\";[Red]-#,##0.00 \"元\"")).isEqualTo(XlsxRowSource.DateKind.NONE);
        assertThat(XlsxRowSource.DateKind.of(168, "0.0000000")).isEqualTo(XlsxRowSource.DateKind.NONE);
    }

    @Test
    void shouldRejectAnOldXlsFileNamedXlsxAndEmptySheets() throws IOException {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);
        Path old = Files.write(dir.resolve("old.xlsx"), ole2);
        assertThatThrownBy(() -> RowSources.open(old, "old.xlsx"))
                .isInstanceOf(IOException.class).hasMessageContaining("save as .xlsx or .csv");

        Path text = Files.writeString(dir.resolve("text.xlsx"), "名称,经度\n");
        assertThatThrownBy(() -> RowSources.open(text, "text.xlsx"))
                .isInstanceOf(IOException.class).hasMessageContaining("not an .xlsx");

        Path empty = dir.resolve("empty.xlsx");
        try (OutputStream out = Files.newOutputStream(empty)) {
            Workbook wb = new Workbook(out, "ServiceMap test", "1.0");
            wb.newWorksheet("Sheet1");
            wb.finish();
        }
        assertThatThrownBy(() -> RowSources.open(empty, "empty.xlsx"))
                .isInstanceOf(IOException.class).hasMessageContaining("empty");
    }
}
