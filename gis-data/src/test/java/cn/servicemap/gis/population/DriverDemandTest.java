package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Drivers' places and land on the synthetic demo city's 100 m cells, drawn in the cells' own metres. */
class DriverDemandTest {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    final PopulationSurface cells = PopulationSurface.synthetic(SyntheticCity.demo(), PopulationSurface.Options.defaults());
    /** A whole square well inside the city and its south-west corner in the cells' metres. */
    final int square = wholeSquareNear(1000, 1000);
    final double x0 = cells.metricCellPolygon(square).getEnvelopeInternal().getMinX();
    final double y0 = cells.metricCellPolygon(square).getEnvelopeInternal().getMinY();

    @Test
    void shouldCountLandByHectaresInsideEachCell() {
        // 1 ha of industrial land filling the square, and a 0.5 ha warehouse across the square's east edge
        OsmFeature industrial = area(1, Map.of("landuse", "industrial"), new Envelope(x0, x0 + 100, y0, y0 + 100));
        OsmFeature warehouse = area(2, Map.of("building", "warehouse"), new Envelope(x0 + 75, x0 + 125, y0 + 0, y0 + 100));
        PopulationSurface drivers = DriverDemand.of(cells, List.of(industrial, warehouse));
        int east = cellAtMetres(x0 + 150, y0 + 50);
        // industrial 0.5/ha × 1 ha, warehouse 2/ha × 0.25 ha on each side
        assertThat(drivers.people(square)).isCloseTo(0.5 + 0.5, within(1e-6));
        assertThat(drivers.people(east)).isCloseTo(0.5, within(1e-6));
        assertThat(drivers.total()).isCloseTo(1.5, within(1e-6));
        assertThat(drivers.demand().methodEn()).contains("1.50 ha of such land in the cells weigh 1.50");
    }

    @Test
    void shouldNotCountOverlappingOutlinesOfOneKindTwice() {
        OsmFeature a = area(1, Map.of("landuse", "industrial"), new Envelope(x0, x0 + 100, y0, y0 + 100));
        OsmFeature b = area(2, Map.of("landuse", "industrial"), new Envelope(x0 + 50, x0 + 100, y0, y0 + 100));
        assertThat(DriverDemand.of(cells, List.of(a, b)).total()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void shouldCountPlacesOnceAtTheirPointAndTruckParksAboveCarParks() {
        OsmFeature fuel = node(1, Map.of("amenity", "fuel"), x0 + 10, y0 + 10);
        OsmFeature trucks = area(2, Map.of("amenity", "parking", "hgv", "designated"), new Envelope(x0 + 20, x0 + 60, y0 + 20, y0 + 60));
        OsmFeature cars = node(3, Map.of("amenity", "parking"), x0 + 90, y0 + 90);
        OsmFeature cafe = node(4, Map.of("amenity", "cafe"), x0 + 50, y0 + 50);
        PopulationSurface drivers = DriverDemand.of(cells, List.of(fuel, trucks, cars, cafe));
        assertThat(drivers.people(square)).isCloseTo(1 + 2 + 0.1, within(1e-12));
        assertThat(drivers.total()).isCloseTo(3.1, within(1e-12));
        assertThat(drivers.demand().methodEn()).contains("3 places in the cells weigh 3.10 (1 amenity=fuel, "
                + "1 amenity=parking&hgv=designated, 1 amenity=parking)");
    }

    private OsmFeature area(long id, Map<String, String> tags, Envelope metres) {
        Geometry g = cells.projection().toWgs84(StudyArea.METRIC.toGeometry(metres));
        return new OsmFeature('w', id, tags, WGS84.createGeometry(g));
    }

    private OsmFeature node(long id, Map<String, String> tags, double x, double y) {
        LonLat p = cells.projection().toWgs84(x, y);
        return new OsmFeature('n', id, tags, WGS84.createPoint(new Coordinate(p.lon(), p.lat())));
    }

    private int cellAtMetres(double x, double y) {
        LonLat p = cells.projection().toWgs84(x, y);
        return new CellLocator(cells).cellAt(p.lon(), p.lat());
    }

    private int wholeSquareNear(double xFromWest, double yFromSouth) {
        Coordinate sw = cells.projection().toMetric(cells.studyArea().geometry().getEnvelopeInternal().getMinX(),
                cells.studyArea().geometry().getEnvelopeInternal().getMinY());
        LonLat p = cells.projection().toWgs84(sw.x + xFromWest, sw.y + yFromSouth);
        int cell = new CellLocator(cells).cellAt(p.lon(), p.lat());
        assertThat(cells.isWholeSquare(cell)).isTrue();
        assertThat(cells.isWholeSquare(cell + 1)).isTrue();
        return cell;
    }
}
