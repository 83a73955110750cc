package cn.servicemap.gis.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Tracing raster classes into polygons: valid, exact area, no overlaps, on random and tricky rasters. */
class RasterTracerTest {
    private final GeometryFactory gf = new GeometryFactory();

    private Geometry[] trace(String... rows) {
        int h = rows.length, w = rows[0].length();
        int[] cls = new int[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                char ch = rows[h - 1 - y].charAt(x);
                cls[y * w + x] = ch == '.' ? -1 : ch - 'A';
            }
        return new RasterTracer(w, h, gf, 0, 0, 1, 1).trace(cls, 3, new long[3]);
    }

    @Test
    void shouldKeepDiagonalCellsOfOneRegionAsTouchingPolygons() {
        Geometry[] g = trace(
                "A.",
                ".A");
        assertThat(g[0].isValid()).isTrue();
        assertThat(g[0].getNumGeometries()).isEqualTo(2);
        assertThat(g[0].getArea()).isEqualTo(2.0);
    }

    @Test
    void shouldMakeAHoleThatTouchesItsShellAtACorner() {
        Geometry[] g = trace(
                "AAAA",
                "A..A",
                "A..A",
                "AAA.");
        assertThat(new IsValidOp(g[0]).getValidationError()).isNull();
        assertThat(g[0].getArea()).isEqualTo(11.0);
    }

    @Test
    void shouldTraceAPinchedRegionWithTwoHoles() {
        Geometry[] g = trace(
                "AAAAA",
                "A.A.A",
                "AA.AA",
                "A.A.A",
                "AAAAA");
        assertThat(new IsValidOp(g[0]).getValidationError()).isNull();
        assertThat(g[0].getArea()).isEqualTo(20.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.5, 0.7})
    void shouldProduceValidNonOverlappingPolygonsForRandomRasters(double density) {
        Random r = new Random(42);
        for (int round = 0; round < 40; round++) {
            int w = 5 + r.nextInt(30), h = 5 + r.nextInt(30), classes = 1 + r.nextInt(3);
            int[] cls = new int[w * h];
            for (int c = 0; c < cls.length; c++)
                cls[c] = r.nextDouble() < density ? r.nextInt(classes) : -1;
            long[] counts = new long[classes];
            Geometry[] g = new RasterTracer(w, h, gf, 10, 20, 0.5, 0.25).trace(cls, classes, counts);
            for (int k = 0; k < classes; k++) {
                assertThat(new IsValidOp(g[k]).getValidationError()).as("round %d class %d", round, k).isNull();
                assertThat(g[k].getArea()).isEqualTo(counts[k] * 0.125);
                for (int j = 0; j < k; j++)
                    assertThat(g[k].intersection(g[j]).getArea()).isZero();
            }
        }
    }
}
