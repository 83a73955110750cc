package cn.servicemap.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.ServiceMapApplication;
import cn.servicemap.stations.StationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar servicemap.jar import …} as an operator runs it, against a file database. */
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, int stations) {
    }

    Run importCommand(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        ConfigurableApplicationContext context = ServiceMapApplication.runImport(all);
        int stations = context.getBean(StationRepository.class).count();
        return new Run(SpringApplication.exit(context), stations);
    }

    @Test
    void shouldImportDistrictsCensusAndStationsFromTheCommandLine(CapturedOutput output) throws Exception {
        String shared = System.getProperty("servicemap.repo-root", "..") + "/../shared/data/";
        assertThat(importCommand("import", "districts", "--file=" + shared + "admin-boundaries-datav/320100_full.json", "--crs=GCJ02").exitCode())
                .isZero();
        assertThat(output).contains("imported 11 district boundaries");
        assertThat(importCommand("import", "census", "--file=" + shared + "census2020-county/population.csv").exitCode()).isZero();
        assertThat(output).contains("census matched 11 districts");

        Path csv = dir.resolve("stations.csv");
        Files.writeString(csv, "名称,类型,经度,纬度\n新街口驿站,爱心驿站,118.7840,32.0418\n填反,爱心驿站,32.0418,118.7840\n",
                StandardCharsets.UTF_8);
        Run dryRun = importCommand("import", "stations", "--file=" + csv, "--crs=WGS84");
        assertThat(dryRun.exitCode()).isEqualTo(1);
        assertThat(dryRun.stations()).isZero();
        assertThat(output).contains("第 3 行 [纬度] SWAPPED_COORDINATES").contains("dry run");

        Run commit = importCommand("import", "stations", "--file=" + csv, "--crs=WGS84", "--commit");
        assertThat(commit.stations()).isEqualTo(1);
        assertThat(output).contains("已写入 1 个站点");

        // a surveyor's sheet in the CGCS2000 3° Gauss–Krüger grid (CM 120°E), X = northing: 东铁管巷 as cs2cs puts it
        Path grid = dir.resolve("gk.csv");
        Files.writeString(grid, "名称,类型,X,Y\n东铁管巷驿站,爱心驿站,3547162.2402,384625.4235\n", StandardCharsets.UTF_8);
        Run gk = importCommand("import", "stations", "--file=" + grid, "--crs=EPSG:4549", "--commit");
        assertThat(gk.exitCode()).as(output.toString()).isZero();
        assertThat(gk.stations()).isEqualTo(2);
        assertThat(output).contains("EPSG:4549");

        assertThat(importCommand("import", "stations", "--file=" + dir.resolve("missing.csv"), "--crs=WGS84").exitCode()).isEqualTo(2);
        // without --crs a file that is no POI export of AMap, Tencent or Baidu names no coordinate system: refused, nothing written
        Run undeclared = importCommand("import", "stations", "--file=" + csv, "--commit");
        assertThat(undeclared.exitCode()).isEqualTo(1);
        assertThat(undeclared.stations()).isEqualTo(2);
        assertThat(output).contains("MISSING_COORDINATE_SYSTEM");
        assertThat(importCommand("import", "districts", "--file=" + csv).exitCode()).isEqualTo(2);
        assertThat(output).contains("--crs is required");
    }
}
