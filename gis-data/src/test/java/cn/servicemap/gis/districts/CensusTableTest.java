package cn.servicemap.gis.districts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.testdata.TestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
}
