package cn.servicemap.gis.coverage;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The district of every street edge of a region, for road-km per district: the district whose boundary holds the
 * edge's midpoint, when that midpoint lies in the study area (with {@value #STUDY_AREA_TOLERANCE_IN_METERS} m to
 * spare, so streets along its edge belong to it); none otherwise. Worked out once per region for all travel profiles
 * (each {@link CoverageModel} then ignores the edges its profile cannot use): on a city of millions of edges the
 * midpoint tests are most of what building a model costs.
 *
 * <p>District indexes follow the population surface's {@link PopulationSurface#districtAdcodes()}, then any district
 * that has streets but no cells, in edge order. Immutable.
 */
public final class EdgeDistricts {

    static final double STUDY_AREA_TOLERANCE_IN_METERS = 5;

    private final int[] district;
    private final List<String> adcodes;

    private EdgeDistricts(int[] district, List<String> adcodes) {
        this.district = district;
        this.adcodes = List.copyOf(adcodes);
    }

    /** Tests every edge's midpoint against the study area and the districts (see the class comment). */
    public static EdgeDistricts of(RoadNetwork network, PopulationSurface surface, DistrictLocator locator) {
        List<String> adcodes = new ArrayList<>(surface.districtAdcodes());
        PreparedGeometry studyArea = PreparedGeometryFactory.prepare(
                surface.studyArea().geometry().buffer(STUDY_AREA_TOLERANCE_IN_METERS / Geodesic.metersPerDegreeLat()));
        GeometryFactory wgs84 = network.geometryFactory();
        // the tests side by side (prepared geometries and the locator are safe to share), the numbering in edge order
        String[] found = new String[network.edgeCount()];
        IntStream.range(0, found.length).parallel().forEach(e -> {
            double[] mid = network.pointAlongEdge(e, 0.5);
            if (studyArea.covers(wgs84.createPoint(new Coordinate(mid[0], mid[1])))) {
                found[e] = locator.locate(mid[0], mid[1]).orElse(null);
            }
        });
        int[] district = new int[found.length];
        Arrays.fill(district, -1);
        for (int e = 0; e < found.length; e++) {
            if (found[e] != null) {
                int i = adcodes.indexOf(found[e]);
                if (i < 0) {
                    adcodes.add(found[e]);
                    i = adcodes.size() - 1;
                }
                district[e] = i;
            }
        }
        return new EdgeDistricts(district, adcodes);
    }

    /** Index into {@link #adcodes()} of the edge's district, or -1. */
    int of(int edge) {
        return district[edge];
    }

    List<String> adcodes() {
        return adcodes;
    }
}
