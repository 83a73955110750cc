package cn.servicemap.gis.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.ReadLimits;
import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

class CensusTableTest {

    @Test
    void shouldReadThe2020CensusWithNanjingsOfficialTotal() throws IOException {
        CensusTable census;
        try (InputStream in = Files.newInputStream(TestData.sharedFile("census2020-county/population.csv"))) {
            census = CensusTable.read(in);
        }
        long nanjing = census.records().values().stream().filter(r -> r.adcode().startsWith("3201"))
                .mapToLong(CensusRecord::population).sum();
        assertThat(nanjing).isEqualTo(9_314_685L);
        assertThat(census.records().get("320102").name()).isEqualTo("玄武区"); // BOM stripped from the header
        assertThat(census.records().get("320115").urbanShare()).isEqualTo(0.7806);
        assertThat(census.withoutFigures()).singleElement().asString().contains("350527").contains("金门县");
        assertThat(census.records()).hasSize(2_989);
    }

    @Test
    void shouldNameTheLineOfABadNumber() {
        String csv = "CODE,NAME,POPU\n320102,玄武区,537825\n320104,秦淮区,many\n";
        assertThatThrownBy(() -> CensusTable.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 3").hasMessageContaining("320104").hasMessageContaining("“many”")
                .hasMessageNotContaining("For input string");
        for (String bad : new String[]{"NaN", "-5", "Infinity"}) {
            String row = "CODE,NAME,POPU\n320102,玄武区," + bad + "\n";
            assertThatThrownBy(() -> CensusTable.read(new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8))))
                    .as(bad).hasMessageContaining("non-negative number");
        }
        assertThatThrownBy(() -> CensusTable.read(new ByteArrayInputStream("CODE,NAME\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("POPU");
    }

    @Test
    void shouldRefuseARowWithCellsMissingOrTooMany() {
        String shortRow = "CODE,NAME,POPU\n320102,玄武区,537825\n320104,秦淮区\n";
        assertThatThrownBy(() -> CensusTable.read(stream(shortRow)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("人口普查文件第 3 行有误 (census line 3: the row has 2 cells, the header 3 columns)");
        String longRow = "CODE,NAME,POPU\n320102,玄武,区,537825\n";
        assertThatThrownBy(() -> CensusTable.read(stream(longRow)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("census line 2: more cells than the 3 header columns");
    }

    // ---------------------------------------------------------------- hostile files: refused early, the limit named

    @Test
    void shouldRefuseMoreColumnsThanMaxColumnsAtTheHeader() {
        String wide = "CODE,NAME,POPU" + ",X".repeat(198) + "\n320102,玄武区,537825\n";
        assertThatThrownBy(() -> CensusTable.read(stream(wide)))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格列数超过 200 列 (more than 200 columns)");
        String atLimit = "CODE,NAME,POPU" + ",X".repeat(197).replace("X", "C") + "\n320102,玄武区,537825" + ",".repeat(197) + "\n";
        assertThatThrownBy(() -> CensusTable.read(stream(atLimit))) // 200 columns pass the limit; only the names repeat
                .isInstanceOf(IOException.class).isNotInstanceOf(ReadLimitException.class).hasMessageContaining("two columns named 'C'");
    }

    @Test
    void shouldRefuseMoreRowsThanMaxRowsWhileReading() throws IOException {
        // 501,000 rows of 20 bytes: 10 MB, never held whole
        byte[] thousandRows = "320102,玄武区,1\n".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        InputStream rows = new SequenceInputStream(new ByteArrayInputStream("CODE,NAME,POPU\n".getBytes(StandardCharsets.UTF_8)),
                repeated(thousandRows, 501));
        assertThatThrownBy(() -> CensusTable.read(rows))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格超过 500000 行数据 (more than 500,000 rows)");
        String four = "CODE,NAME,POPU\n" + "320102,玄武区,1\n\n".repeat(4);
        assertThat(CensusTable.read(stream(four), ReadLimits.DEFAULTS.withMaxRows(4)).records()).hasSize(1);
        assertThatThrownBy(() -> CensusTable.read(stream(four), ReadLimits.DEFAULTS.withMaxRows(3)))
                .isInstanceOf(ReadLimitException.class).hasMessage("表格超过 3 行数据 (more than 3 rows)");
    }

    @Test
    void shouldRefuseACellLongerThanMaxCellChars() throws IOException {
        String longName = "CODE,NAME,POPU\n320102,玄武区,537825\n320104," + "秦".repeat(10_001) + ",1\n";
        assertThatThrownBy(() -> CensusTable.read(stream(longName)))
                .isInstanceOf(ReadLimitException.class)
                .hasMessage("第 3 行第 2 列的单元格超过 10000 个字符 (the cell in row 3, column 2 is longer than 10,000 characters)");
        // a quote left open makes the rest of the file one cell: refused at the limit, not at the end of the file
        String openQuote = "CODE,NAME,POPU\n320102,\"玄武区,537825\n" + "320104,秦淮区,1\n".repeat(2_000);
        assertThatThrownBy(() -> CensusTable.read(stream(openQuote)))
                .isInstanceOf(ReadLimitException.class).hasMessageContaining("perhaps a quote is not closed");
        String atLimit = "CODE,NAME,POPU\n320104," + "秦".repeat(10_000) + ",1\n";
        assertThat(CensusTable.read(stream(atLimit)).records().get("320104").name()).hasSize(10_000);
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code times} copies of {@code bytes}, made as they are read. */
    private static InputStream repeated(byte[] bytes, int times) {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int made;

            @Override
            public boolean hasMoreElements() {
                return made < times;
            }

            @Override
            public InputStream nextElement() {
                made++;
                return new ByteArrayInputStream(bytes);
            }
        });
    }
}
