package cn.servicemap.gis.osm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The building outlines of an OSM extract ({@code building=*} ways and multipolygons), as WGS84 polygons ordered by OSM
 * type and id. Buildings mapped as nodes, and outlines cut open at the extract's edge, are left out.
 */
public final class BuildingFootprints {

    private BuildingFootprints() {
    }

    /** The building outlines of an .osm or .osm.pbf file. */
    public static List<Geometry> read(Path osm) {
        List<OsmFeature> features = new ArrayList<>(OsmFeatureReader.read(osm, tags -> tags.containsKey("building")
                && !"no".equals(tags.get("building"))));
        features.sort(Comparator.comparing((OsmFeature f) -> f.type()).thenComparingLong(OsmFeature::id));
        List<Geometry> out = new ArrayList<>();
        for (OsmFeature f : features) {
            if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) {
                out.add(f.geometry());
            }
        }
        return out;
    }
}
