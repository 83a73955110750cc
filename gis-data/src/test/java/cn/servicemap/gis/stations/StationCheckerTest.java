package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StationCheckerTest {

    static StationChecker nanjing;
    static StationChecker anywhere;

    @BeforeAll
    static void load() throws IOException {
        List<DistrictBoundary> districts;
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            districts = DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02);
        }
        nanjing = new StationChecker(TestData.catalog(), new DistrictLocator(districts, 200));
        anywhere = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200));
    }

    static StationInput input(String lon, String lat, Object... more) {
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        v.put(StationField.NAME, "测试驿站");
        v.put(StationField.KIND, "爱心驿站");
        v.put(StationField.LON, lon);
        v.put(StationField.LAT, lat);
        for (int i = 0; i < more.length; i += 2) {
            v.put((StationField) more[i], (String) more[i + 1]);
        }
        return new StationInput(v);
    }

    static ProblemCode onlyProblem(StationChecker.Result r) {
        assertThat(r.ok()).isFalse();
        return r.problems().get(0).code();
    }

    @Test
    void shouldAcceptAGoodStationDerivingItsDistrictAndCanonicalValues() {
        StationChecker.Result r = nanjing.check(input("118.7886", "32.0219",
                StationField.SERVICES, "饮水、热饭(微波炉)，空调/取暖", StationField.OPENING_HOURS, "周一至周五 8:00-18:00；法定节假日休息",
                StationField.CAPACITY, "12", StationField.VERIFIED_AT, "2026年6月30日", StationField.PHONE, "025-8888 6666 转 8",
                StationField.STATUS, "开放"), CoordinateSystem.WGS84);
        assertThat(r.problems()).isEmpty();
        CheckedStation s = r.station();
        assertThat(s.kind()).isEqualTo("OUTDOOR_STATION");
        assertThat(s.adcode()).isEqualTo("320104");
        assertThat(s.services()).containsExactly("WATER", "MICROWAVE", "CLIMATE");
        assertThat(s.openingHours()).isEqualTo("Mo-Fr 08:00-18:00; PH off");
        assertThat(s.capacity()).isEqualTo(12);
        assertThat(s.verifiedAt()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(s.status()).isEqualTo(StationStatus.OPEN);
    }

    @Test
    void shouldConvertFromTheDeclaredSystem() {
        LonLat truth = new LonLat(118.7886, 32.0219);
        LonLat bd = ChinaCoordinates.fromWgs84(CoordinateSystem.BD09, truth.lon(), truth.lat());
        CheckedStation s = nanjing.check(input(Double.toString(bd.lon()), Double.toString(bd.lat())), CoordinateSystem.BD09).station();
        assertThat(Geodesic.distanceMeters(s.lon(), s.lat(), truth.lon(), truth.lat())).isLessThan(0.5);
    }

    @Test
    void shouldReadDegreesMinutesSecondsAndFullWidthDigits() {
        CheckedStation dms = nanjing.check(input("118°47'19\"E", "32°1'19\"N"), CoordinateSystem.WGS84).station();
        assertThat(dms.lon()).isCloseTo(118 + 47 / 60.0 + 19 / 3600.0, org.assertj.core.data.Offset.offset(1e-9));
        CheckedStation wide = nanjing.check(input("１１８．７８８６", "３２．０２１９"), CoordinateSystem.WGS84).station();
        assertThat(wide.lat()).isEqualTo(32.0219);
    }

    @Test
    void shouldReportSwappedCoordinates() {
        assertThat(onlyProblem(nanjing.check(input("32.0219", "118.7886"), CoordinateSystem.WGS84)))
                .isEqualTo(ProblemCode.SWAPPED_COORDINATES);
        // Urumqi (87.6, 43.8) swapped: both in range, only the swapped pair is inside China.
        assertThat(onlyProblem(anywhere.check(input("43.8", "87.6"), CoordinateSystem.WGS84)))
                .isEqualTo(ProblemCode.SWAPPED_COORDINATES);
    }

    @Test
    void shouldRefuseNonNumbersNaNAndOutOfRange() {
        assertThat(onlyProblem(nanjing.check(input("NaN", "32.0"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.NOT_FINITE);
        assertThat(onlyProblem(nanjing.check(input("118.7", "Infinity"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.NOT_FINITE);
        assertThat(onlyProblem(nanjing.check(input("东经118", "32.0"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.NOT_A_NUMBER);
        assertThat(onlyProblem(nanjing.check(input("200", "32.0"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(onlyProblem(nanjing.check(input("118.7", "-95"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.OUT_OF_RANGE);
        StationChecker.Result missing = nanjing.check(input("118.7", ""), CoordinateSystem.WGS84);
        assertThat(missing.problems()).extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StationField.LAT, ProblemCode.MISSING_VALUE));
    }

    @Test
    void shouldRefusePointsOutsideChinaAndOutsideTheRegion() {
        assertThat(onlyProblem(nanjing.check(input("2.35", "48.85"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.OUTSIDE_CHINA);
        assertThat(onlyProblem(nanjing.check(input("116.397", "39.909"), CoordinateSystem.WGS84))).isEqualTo(ProblemCode.OUTSIDE_REGION);
        assertThat(anywhere.check(input("116.397", "39.909"), CoordinateSystem.WGS84).station().adcode()).isNull();
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() {
        StationChecker.Result r = nanjing.check(input("118.7886", "32.0219", StationField.NAME, "",
                StationField.KIND, "咖啡馆", StationField.SERVICES, "饮水、按摩", StationField.OPENING_HOURS, "Mo-Fr 25:00-26:00",
                StationField.PHONE, "call me", StationField.CAPACITY, "-3", StationField.VERIFIED_AT, "yesterday",
                StationField.STATUS, "拆了"), CoordinateSystem.WGS84);
        assertThat(r.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(StationField.NAME, StationField.KIND,
                StationField.SERVICES, StationField.OPENING_HOURS, StationField.PHONE, StationField.CAPACITY,
                StationField.VERIFIED_AT, StationField.STATUS);
        assertThat(r.problems()).filteredOn(p -> p.field() == StationField.SERVICES).singleElement()
                .extracting(FieldProblem::value).isEqualTo("按摩");
        r.problems().forEach(p -> assertThat(p.reason()).isNotBlank());
    }

    @Test
    void shouldReadHowOneGetsInAsUnionsWriteIt() {
        CheckedStation s = anywhere.check(input("118.7886", "32.0219", StationField.ENTRY, "需扫码", StationField.STAFFED, "自助",
                StationField.STEP_FREE, "√", StationField.AREA, "25.55 ㎡"), CoordinateSystem.WGS84).station();
        assertThat(s.entry()).isEqualTo(EntryMethod.MEMBER_CODE);
        assertThat(s.staffed()).isFalse();
        assertThat(s.stepFree()).isTrue();
        assertThat(s.areaM2()).isEqualTo(25.6);
        assertThat(anywhere.check(input("118.7886", "32.0219", StationField.ENTRY, "open",
                StationField.STAFFED, "有人值守", StationField.STEP_FREE, "否", StationField.AREA, "40"), CoordinateSystem.WGS84).station())
                .extracting(CheckedStation::entry, CheckedStation::staffed, CheckedStation::stepFree, CheckedStation::areaM2)
                .containsExactly(EntryMethod.OPEN, true, false, 40.0);
        assertThat(EntryMethod.parse("密码锁").orElseThrow()).isEqualTo(EntryMethod.CODE_LOCK);
        assertThat(EntryMethod.parse("刷脸").orElseThrow()).isEqualTo(EntryMethod.FACE_OR_ID);
        assertThat(EntryMethod.parse("code_lock").orElseThrow()).isEqualTo(EntryMethod.CODE_LOCK);
        // nothing recorded: unknown, not "no"
        CheckedStation blank = anywhere.check(input("118.7886", "32.0219"), CoordinateSystem.WGS84).station();
        assertThat(blank.entry()).isNull();
        assertThat(blank.staffed()).isNull();
        assertThat(blank.stepFree()).isNull();
        assertThat(blank.areaM2()).isNull();
        // the headers of a union's sheet
        assertThat(StationField.forHeader("进入方式")).contains(StationField.ENTRY);
        assertThat(StationField.forHeader("面积（㎡）")).contains(StationField.AREA);
        assertThat(StationField.forHeader("是否有人值守")).contains(StationField.STAFFED);
        assertThat(StationField.forHeader("无障碍")).contains(StationField.STEP_FREE);
    }

    @Test
    void shouldNameBadAccessValuesEachWithItsField() {
        StationChecker.Result r = anywhere.check(input("118.7886", "32.0219", StationField.ENTRY, "翻墙", StationField.STAFFED, "有时",
                StationField.STEP_FREE, "maybe", StationField.AREA, "-3"), CoordinateSystem.WGS84);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(StationField.ENTRY, ProblemCode.BAD_ENTRY),
                org.assertj.core.groups.Tuple.tuple(StationField.STAFFED, ProblemCode.BAD_YES_NO),
                org.assertj.core.groups.Tuple.tuple(StationField.STEP_FREE, ProblemCode.BAD_YES_NO),
                org.assertj.core.groups.Tuple.tuple(StationField.AREA, ProblemCode.BAD_AREA));
        assertThat(r.problems().get(0).reason()).contains("直接进入", "密码锁");
        assertThat(onlyProblem(anywhere.check(input("118.7886", "32.0219", StationField.AREA, "二十"), CoordinateSystem.WGS84)))
                .isEqualTo(ProblemCode.BAD_AREA);
        assertThat(onlyProblem(anywhere.check(input("118.7886", "32.0219", StationField.AREA, "NaN"), CoordinateSystem.WGS84)))
                .isEqualTo(ProblemCode.BAD_AREA);
    }

    @Test
    void shouldRequireAReasonToClose() {
        assertThat(onlyProblem(nanjing.check(input("118.7886", "32.0219", StationField.STATUS, "已关闭"), CoordinateSystem.WGS84)))
                .isEqualTo(ProblemCode.MISSING_VALUE);
        assertThat(nanjing.check(input("118.7886", "32.0219", StationField.STATUS, "CLOSED", StationField.STATUS_REASON, "拆迁"),
                CoordinateSystem.WGS84).ok()).isTrue();
    }
}
