package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CoordinateSystemTest {

    @ParameterizedTest
    @CsvSource({
        "wgs84, WGS84", "WGS-84, WGS84", "WGS 84, WGS84", "EPSG:4326, WGS84", "4326, WGS84", "epsg:4326, WGS84",
        "cgcs2000, CGCS2000", "CGCS-2000, CGCS2000", "EPSG:4490, CGCS2000", "4490, CGCS2000",
        "gcj02, GCJ02", "gcj-02, GCJ02", "GCJ02, GCJ02", "GCJ_02, GCJ02", "amap, GCJ02", "高德, GCJ02", "火星, GCJ02",
        "腾讯, GCJ02",
        "bd09, BD09", "bd-09, BD09", "BD09LL, BD09", "baidu, BD09", "百度, BD09", "' Baidu ', BD09",
    })
    void shouldParseCommonSpellings(String text, CoordinateSystem expected) {
        assertThat(CoordinateSystem.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"EPSG:3857", "mercator", "bd09mc", "wgs8"})
    void shouldRejectUnknownSpellingsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> CoordinateSystem.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WGS84")
                .hasMessageContaining("CGCS2000")
                .hasMessageContaining("GCJ02")
                .hasMessageContaining("BD09")
                .hasMessageContaining("EPSG:4326");
    }

    @Test
    void shouldCarryChineseLabels() {
        assertThat(CoordinateSystem.GCJ02.label()).isEqualTo("GCJ-02（高德/腾讯）");
        assertThat(CoordinateSystem.BD09.label()).contains("百度");
        assertThat(CoordinateSystem.CGCS2000.label()).contains("2000");
        assertThat(CoordinateSystem.WGS84.label()).startsWith("WGS84");
    }
}
