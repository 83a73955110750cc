package cn.servicemap.gis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowSourceTest {

    private static final String HEADER = "名称,类型,经度,纬度,地址,电话,开放时间,服务项目";
    private static final String STATIONS = HEADER + "\n"
            + "新街口爱心驿站,户外劳动者服务站点,118.7837654,32.0412345,南京市玄武区中山路1号,025-84561234,08:00-20:00,饮水、微波炉、充电\n"
            + "鼓楼职工之家,职工之家,118.7701,32.0655,南京市鼓楼区北京西路2号,,全天,休息\n"
            + "  河西工会驿站 ,工会驿站,118.73,32.01,  ,13812345678,,\n";

    @TempDir
    Path dir;

    @Test
    void shouldReadUtf8WithChineseHeaders() throws IOException {
        List<SourceRow> rows;
        try (RowSource source = open(write("stations.csv", STATIONS.getBytes(StandardCharsets.UTF_8)), "站点.csv")) {
            assertThat(source.format()).isEqualTo("CSV (UTF-8)");
            assertThat(source.headers()).containsExactly("名称", "类型", "经度", "纬度", "地址", "电话", "开放时间", "服务项目");
            assertThat(source.declaredCoordinateSystem()).isEmpty();
            rows = readAll(source);
        }
        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 3, 4);
        assertThat(rows.get(0).cells()).containsExactly(
                entry("名称", "新街口爱心驿站"), entry("类型", "户外劳动者服务站点"), entry("经度", "118.7837654"),
                entry("纬度", "32.0412345"), entry("地址", "南京市玄武区中山路1号"), entry("电话", "025-84561234"),
                entry("开放时间", "08:00-20:00"), entry("服务项目", "饮水、微波炉、充电"));
        assertThat(rows.get(1).cell("电话")).isEmpty();
        assertThat(rows.get(2).cell("名称")).isEqualTo("河西工会驿站");
        assertThat(rows.get(2).cell("地址")).isEmpty();
        assertThat(rows.get(2).cell("服务项目")).isEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.readProblems()).isEmpty());
    }

    @Test
    void shouldReadGbkBytesToTheSameRows() throws IOException {
        List<SourceRow> utf8 = readAll(write("u.csv", STATIONS.getBytes(StandardCharsets.UTF_8)));
        Path gbkFile = write("g.csv", STATIONS.getBytes(Charset.forName("GBK")));
        try (RowSource gbk = open(gbkFile, "g.csv")) {
            assertThat(gbk.format()).isEqualTo("CSV (GBK)");
            assertThat(gbk.headers()).first().isEqualTo("名称");
            assertThat(readAll(gbk)).isEqualTo(utf8);
        }
    }

    @Test
    void shouldDetectGbkWhenTheFirstChineseCharacterComesLate() throws IOException {
        StringBuilder text = new StringBuilder("name,lon,lat\n");
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("station").append(i).append(",118.78,32.04\n");
        }
        text.append("南京驿站,118.79,32.05\n");
        try (RowSource source = open(write("late.csv", text.toString().getBytes(Charset.forName("GBK"))), "late.csv")) {
            assertThat(source.format()).isEqualTo("CSV (GBK)");
            SourceRow last = null;
            for (SourceRow row : source) {
                last = row;
            }
            assertThat(last.cell("name")).isEqualTo("南京驿站");
            assertThat(last.readProblems()).isEmpty();
        }
    }

    @Test
    void shouldSkipTheUtf8ByteOrderMark() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(STATIONS.getBytes(StandardCharsets.UTF_8));
        try (RowSource source = open(write("bom.csv", bytes.toByteArray()), "bom.csv")) {
            assertThat(source.format()).isEqualTo("CSV (UTF-8)");
            assertThat(source.headers().get(0)).isEqualTo("名称");
            assertThat(readAll(source)).isEqualTo(readAll(write("plain.csv", STATIONS.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void shouldReadUtf16WithByteOrderMark() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write(STATIONS.replace(",", "\t").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));
        try (RowSource source = open(write("excel-unicode.txt", bytes.toByteArray()), "excel-unicode.txt")) {
            assertThat(source.format()).isEqualTo("CSV (UTF-16LE)");
            assertThat(source.headers()).hasSize(8).first().isEqualTo("名称");
            assertThat(readAll(source)).extracting(r -> r.cell("名称"))
                    .containsExactly("新街口爱心驿站", "鼓楼职工之家", "河西工会驿站");
        }
    }

    @Test
    void shouldHandleQuotedDelimitersQuotesAndLineBreaksAndCountRowsAfterThem() throws IOException {
        String csv = "名称,地址,服务项目\n"
                + "\"驿站A\",\"玄武区中山路1号,近新街口\",\"饮水\n微波炉\n充电\"\n"
                + "驿站B,\"他说\"\"你好\"\"\",休息\n"
                + "\n"
                + ",,\n"
                + "驿站C,\"\",卫生间\n";
        for (String lineEnd : List.of("\n", "\r\n")) {
            List<SourceRow> rows = readAll(write("quoted.csv", csv.replace("\n", lineEnd).getBytes(StandardCharsets.UTF_8)));

            assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2, 3, 6);
            assertThat(rows.get(0).cell("地址")).isEqualTo("玄武区中山路1号,近新街口");
            assertThat(rows.get(0).cell("服务项目")).isEqualTo(String.join(lineEnd, "饮水", "微波炉", "充电"));
            assertThat(rows.get(1).cell("地址")).isEqualTo("他说\"你好\"");
            assertThat(rows.get(2).cell("地址")).isEmpty();
            assertThat(rows).allSatisfy(r -> assertThat(r.readProblems()).isEmpty());
        }
    }

    @Test
    void shouldDetectTabsAndKeepFullWidthCommasAsText() throws IOException {
        String tsv = "名称\t地址\t服务项目\n驿站，一号\t南京市，玄武区\t饮水,充电\n";
        try (RowSource source = open(write("s.txt", tsv.getBytes(StandardCharsets.UTF_8)), "s.txt")) {
            assertThat(source.headers()).containsExactly("名称", "地址", "服务项目");
            SourceRow row = readAll(source).get(0);
            assertThat(row.cell("名称")).isEqualTo("驿站，一号");
            assertThat(row.cell("服务项目")).isEqualTo("饮水,充电");
        }
        String fullWidthHeader = "名称，地址,经度\n甲，乙,118.7\n";
        try (RowSource source = open(write("f.csv", fullWidthHeader.getBytes(StandardCharsets.UTF_8)), "f.csv")) {
            assertThat(source.headers()).containsExactly("名称，地址", "经度");
            assertThat(readAll(source).get(0).cell("名称，地址")).isEqualTo("甲，乙");
        }
    }

    @Test
    void shouldDetectSemicolons() throws IOException {
        String csv = "name;lon;lat\n\"A;B\";118,78;32,04\n";
        List<SourceRow> rows = readAll(write("semi.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).cells()).containsExactly(entry("name", "A;B"), entry("lon", "118,78"), entry("lat", "32,04"));
    }

    @Test
    void shouldReportExtraCellsAndFillMissingOnes() throws IOException {
        String csv = "名称,经度,纬度\n驿站A,118.78,32.04,多余\n驿站B,118.79\n驿站C,118.7,32.1,,\n";
        List<SourceRow> rows = readAll(write("ragged.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(rows.get(0).readProblems()).singleElement().asString()
                .contains("more cells than the 3 header columns").contains("多余");
        assertThat(rows.get(0).cell("纬度")).isEqualTo("32.04");
        assertThat(rows.get(1).cells()).containsEntry("纬度", "");
        assertThat(rows.get(1).readProblems()).isEmpty();
        assertThat(rows.get(2).readProblems()).as("blank padding cells are not a problem").isEmpty();
    }

    @Test
    void shouldReportUnclosedQuotesAndUndecodableBytes() throws IOException {
        List<SourceRow> rows = readAll(write("open.csv", "名称,地址\n驿站A,\"没有结束\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.get(0).readProblems()).singleElement().asString().contains("not closed");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("名称,地址\n驿站".getBytes(Charset.forName("GBK")));
        bytes.write(0xFF); // not a GB18030 byte sequence
        bytes.write(",地址\n".getBytes(Charset.forName("GBK")));
        List<SourceRow> broken = readAll(write("broken.csv", bytes.toByteArray()));
        assertThat(broken.get(0).readProblems()).singleElement().asString().contains("encoding");
    }

    @Test
    void shouldStreamAHundredThousandRowsWithRightRowNumbers() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("驿站" + i + ",户外劳动者服务站点," + (118 + i * 1e-6) + ",32.04,地址" + i + ",,,\n");
                if (i % 25_000 == 0) {
                    out.write("\n"); // a blank line: skipped, but counted
                }
            }
        }
        int count = 0;
        int expectedRowNumber = 2;
        try (RowSource source = open(file, "big.csv")) {
            for (SourceRow row : source) {
                if (count % 25_000 == 1) {
                    expectedRowNumber++; // the blank line written after the previous row
                }
                assertThat(row.rowNumber()).isEqualTo(expectedRowNumber);
                assertThat(row.cell("名称")).isEqualTo("驿站" + count);
                expectedRowNumber++;
                count++;
            }
        }
        assertThat(count).isEqualTo(100_000);
    }

    @Test
    void shouldRejectEmptyFilesAndDuplicateHeaders() throws IOException {
        assertThatThrownBy(() -> open(write("empty.csv", new byte[0]), "empty.csv"))
                .isInstanceOf(IOException.class).hasMessageContaining("no header");
        assertThatThrownBy(() -> open(write("dup.csv", "名称,地址,名称\n".getBytes(StandardCharsets.UTF_8)), "dup.csv"))
                .isInstanceOf(IOException.class).hasMessageContaining("'名称'").hasMessageContaining("columns 1 and 3");
    }

    @Test
    void shouldNameBlankHeadersAndDropTrailingOnes() throws IOException {
        try (RowSource source = open(write("blank.csv", "名称,,经度,,\nA,x,1,,\n".getBytes(StandardCharsets.UTF_8)), "b.csv")) {
            assertThat(source.headers()).containsExactly("名称", "column 2", "经度");
            assertThat(readAll(source).get(0).cell("column 2")).isEqualTo("x");
        }
    }

    @Test
    void shouldAllowOnlyOneIteration() throws IOException {
        try (RowSource source = open(write("once.csv", STATIONS.getBytes(StandardCharsets.UTF_8)), "once.csv")) {
            source.iterator();
            assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static RowSource open(Path file, String name) throws IOException {
        return RowSources.open(file, name);
    }

    private static List<SourceRow> readAll(Path file) throws IOException {
        try (RowSource source = RowSources.open(file, file.getFileName().toString())) {
            return readAll(source);
        }
    }

    static List<SourceRow> readAll(RowSource source) {
        List<SourceRow> rows = new ArrayList<>();
        source.forEach(rows::add);
        return rows;
    }
}
