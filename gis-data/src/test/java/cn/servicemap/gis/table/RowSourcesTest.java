package cn.servicemap.gis.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourcesTest {

    @TempDir
    Path dir;

    @Test
    void shouldChooseTheReaderByTheOriginalNameNotTheStoredOne() throws IOException {
        Path upload = Files.writeString(dir.resolve("upload-7f3a.tmp"), "名称,经度\n驿站,118.78\n");
        try (RowSource source = RowSources.open(upload, "南京驿站.CSV")) {
            assertThat(source.format()).isEqualTo("CSV (UTF-8)");
        }
        Path geojson = Files.writeString(dir.resolve("upload-2.tmp"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        try (RowSource source = RowSources.open(geojson, "站点.GeoJSON")) {
            assertThat(source.format()).isEqualTo("GeoJSON");
        }
        Path named = Files.writeString(dir.resolve("stations.txt"), "a\tb\n1\t2\n");
        try (RowSource source = RowSources.open(named, null)) {
            assertThat(source.headers()).containsExactly("a", "b");
        }
    }

    @Test
    void shouldTellUsersToSaveOldExcelFilesAsXlsxOrCsv() throws IOException {
        Path file = Files.write(dir.resolve("u.tmp"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> RowSources.open(file, "2023年驿站.xls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2023年驿站.xls")
                .hasMessageContaining("save as .xlsx or .csv");
    }

    @Test
    void shouldAskForAZipWhenOnlyAShapefilePartIsUploaded() throws IOException {
        Path file = Files.write(dir.resolve("u.tmp"), new byte[100]);
        for (String name : new String[] {"驿站.shp", "驿站.dbf"}) {
            assertThatThrownBy(() -> RowSources.open(file, name))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("one part of a Shapefile")
                    .hasMessageContaining(".zip");
        }
    }

    @Test
    void shouldListSupportedTypesForUnknownExtensions() throws IOException {
        Path file = Files.write(dir.resolve("u.tmp"), new byte[10]);
        assertThatThrownBy(() -> RowSources.open(file, "驿站清单.pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".pdf are not supported")
                .hasMessageContaining(".csv").hasMessageContaining(".xlsx").hasMessageContaining(".geojson")
                .hasMessageContaining(".zip");
        assertThatThrownBy(() -> RowSources.open(file, "驿站清单"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no extension");
    }

    @Test
    void shouldStopIteratingAfterCloseAndRefuseANewIterator() throws IOException {
        Path file = Files.writeString(dir.resolve("s.csv"), "名称\nA\nB\nC\n");
        RowSource source = RowSources.open(file, "s.csv");
        Iterator<SourceRow> rows = source.iterator();
        assertThat(rows.next().cell("名称")).isEqualTo("A");
        source.close();
        assertThat(rows.hasNext()).isFalse();
        assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class);
        source.close(); // idempotent
    }

    @Test
    void shouldFailWithIoExceptionForAMissingFile() {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> RowSources.open(missing, "missing.csv")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RowSources.open(dir.resolve("missing.zip"), "missing.zip")).isInstanceOf(IOException.class);
    }
}
