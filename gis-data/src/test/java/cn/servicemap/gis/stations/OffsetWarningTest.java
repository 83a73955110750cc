package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run's warning for a file whose points sit where GCJ-02 (or BD-09) coordinates read as WGS84 would: station
 * files made from the real named places of the Nanjing Xinjiekou OSM extract, checked against the same extract.
 */
class OffsetWarningTest {

    @TempDir
    Path dir;

    final StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200));

    @BeforeAll
    static void readOsm() {
        SystematicOffsetTest.readOsm();
        FootprintAlignmentTest.readOsm();
    }

    /** The shop, bank, restaurant … nodes of the extract as stations named so that no OSM place shares their name. */
    static List<NamedPlace> unnamedStations(CoordinateSystem system, long seed) {
        List<cn.servicemap.gis.crs.LonLat> file = FootprintAlignmentTest.asFile(system, 10, seed);
        List<NamedPlace> out = new java.util.ArrayList<>();
        for (int i = 0; i < file.size(); i++) {
            out.add(new NamedPlace("职工爱心驿站" + (i + 1) + "号", file.get(i).lon(), file.get(i).lat()));
        }
        return out;
    }

    @Test
    void shouldWarnByTheBuildingsWhenNoNameMatches() throws IOException {
        ImportReport r = dryRun(unnamedStations(CoordinateSystem.GCJ02, 21), CoordinateSystem.WGS84, FootprintAlignmentTest.buildings);
        assertThat(r.warnings()).singleElement().asString().startsWith("坐标疑似为 GCJ-02（高德/腾讯） 而非所选的 WGS84")
                .contains("建筑轮廓", "building outline", "import it again declaring GCJ02");
        ImportReport bd = dryRun(unnamedStations(CoordinateSystem.BD09, 22), CoordinateSystem.WGS84, FootprintAlignmentTest.buildings);
        assertThat(bd.warnings()).singleElement().asString().contains("BD-09（百度）");
    }

    @Test
    void shouldNotWarnByTheBuildingsAboutAWgs84File() throws IOException {
        ImportReport r = dryRun(unnamedStations(CoordinateSystem.WGS84, 23), CoordinateSystem.WGS84, FootprintAlignmentTest.buildings);
        assertThat(r.goodRows()).hasSizeGreaterThan(200);
        assertThat(r.warnings()).isEmpty();
    }

    ImportReport dryRun(List<NamedPlace> places, CoordinateSystem declared) throws IOException {
        return dryRun(places, declared, List.of());
    }

    ImportReport dryRun(List<NamedPlace> places, CoordinateSystem declared, List<org.locationtech.jts.geom.Geometry> footprints)
            throws IOException {
        StringBuilder csv = new StringBuilder("名称,类型,经度,纬度\n");
        for (NamedPlace p : places) {
            csv.append('"').append(p.name().replace("\"", "\"\"")).append("\",爱心驿站,")
                    .append(String.format(Locale.ROOT, "%.6f,%.6f", p.lon(), p.lat())).append('\n');
        }
        Path file = dir.resolve("stations.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (RowSource rows = RowSources.open(file, "stations.csv")) {
            ImportReport report = StationImportCheck.check(rows, "stations.csv", declared, checker, List.of());
            return StationImportCheck.withOffsetCheck(report, SystematicOffsetTest.osm, footprints);
        }
    }

    @Test
    void shouldNotWarnAboutAWgs84FileAtItsTruePlaces() throws IOException {
        ImportReport r = dryRun(SystematicOffsetTest.asFile(CoordinateSystem.WGS84, 11), CoordinateSystem.WGS84);
        assertThat(r.goodRows()).hasSizeGreaterThan(300);
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains("疑似"));
    }

    @Test
    void shouldWarnAboutAGcj02FileDeclaredWgs84() throws IOException {
        ImportReport r = dryRun(SystematicOffsetTest.asFile(CoordinateSystem.GCJ02, 12), CoordinateSystem.WGS84);
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("坐标疑似为 GCJ-02（高德/腾讯） 而非所选的 WGS84")
                .contains("偏东 49", "偏南 22", "请改选 GCJ-02", "(the coordinates look like GCJ02", "import it again declaring GCJ02)");
    }

    @Test
    void shouldWarnAboutAGcj02FileDeclaredCgcs2000() throws IOException {
        ImportReport r = dryRun(SystematicOffsetTest.asFile(CoordinateSystem.GCJ02, 13), CoordinateSystem.CGCS2000);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("GCJ-02", "CGCS2000"));
    }

    @Test
    void shouldWarnAboutABd09FileDeclaredWgs84() throws IOException {
        ImportReport r = dryRun(SystematicOffsetTest.asFile(CoordinateSystem.BD09, 14), CoordinateSystem.WGS84);
        assertThat(r.warnings()).singleElement().asString().contains("BD-09（百度）", "import it again declaring BD09");
    }

    @Test
    void shouldNotCheckAFileDeclaredGcj02() throws IOException {
        ImportReport r = dryRun(SystematicOffsetTest.asFile(CoordinateSystem.GCJ02, 15), CoordinateSystem.GCJ02);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void shouldSayNothingWhenTooFewNamesMatch() throws IOException {
        List<NamedPlace> file = SystematicOffsetTest.asFile(CoordinateSystem.GCJ02, 16);
        List<NamedPlace> renamed = new java.util.ArrayList<>();
        for (int i = 0; i < file.size(); i++) {
            // all but five renamed to names no OSM place has
            renamed.add(i < 5 ? file.get(i) : new NamedPlace("职工驿站第" + i + "号", file.get(i).lon(), file.get(i).lat()));
        }
        ImportReport r = dryRun(renamed, CoordinateSystem.WGS84);
        assertThat(r.goodRows()).hasSizeGreaterThan(300);
        assertThat(r.warnings()).isEmpty();
    }
}
