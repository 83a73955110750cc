package cn.servicemap.gis.population;

import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demand surfaces of the three outdoor-worker groups an OSM extract shows — delivery riders ({@link RiderDemand}),
 * sanitation workers ({@link SanitationDemand}), truck and ride-hailing drivers ({@link DriverDemand}) — on the cells
 * of one surface, from one reading of the file: the objects any of the three weighs are read together
 * ({@link OsmFeatureReader}, three passes over the file, bounded memory), then each surface is computed from that list.
 *
 * @param riders     delivery riders and couriers, outlet weights (relative)
 * @param sanitation sanitation workers, weighted road metres (metres with unit weights)
 * @param drivers    truck and ride-hailing drivers, stop weights (relative); pair it with the car profile
 * @param timings    how long each part took
 */
public record OutdoorWorkerDemand(PopulationSurface riders, PopulationSurface sanitation, PopulationSurface drivers,
                                  Timings timings) {

    /**
     * Milliseconds per part, one after another.
     *
     * @param readMs the OSM file read once for all three
     */
    public record Timings(long readMs, long ridersMs, long sanitationMs, long driversMs) {
    }

    /**
     * The weights of the three surfaces.
     *
     * @param riders               per kind of outlet ({@link RiderDemand#DEFAULT_WEIGHTS})
     * @param sanitation           per metre by road class ({@link SanitationDemand#DEFAULT_WEIGHTS})
     * @param driverPlaces         per place ({@link DriverDemand#DEFAULT_PLACE_WEIGHTS})
     * @param driverLandPerHectare per hectare of land ({@link DriverDemand#DEFAULT_LAND_WEIGHTS_PER_HECTARE})
     */
    public record Options(TagWeights riders, TagWeights sanitation, TagWeights driverPlaces, TagWeights driverLandPerHectare) {

        public Options {
            Objects.requireNonNull(riders, "riders");
            Objects.requireNonNull(sanitation, "sanitation");
            Objects.requireNonNull(driverPlaces, "driverPlaces");
            Objects.requireNonNull(driverLandPerHectare, "driverLandPerHectare");
        }

        public static Options defaults() {
            return new Options(RiderDemand.DEFAULT_WEIGHTS, SanitationDemand.DEFAULT_WEIGHTS,
                    DriverDemand.DEFAULT_PLACE_WEIGHTS, DriverDemand.DEFAULT_LAND_WEIGHTS_PER_HECTARE);
        }

        /** True when an OSM object with these tags feeds any of the three surfaces: what the reader keeps. */
        boolean wants(Map<String, String> tags) {
            return WalkableRoads.isWalkable(tags) || riders.matches(tags) || driverPlaces.matches(tags)
                    || driverLandPerHectare.matches(tags);
        }
    }

    /**
     * Reads the OSM file once and computes the three surfaces on the cells of {@code cells}.
     *
     * @param osm   the region's extract (.osm or .pbf), the one {@code cells} was built from
     * @param cells the surface whose cells the demand is put on (the residents')
     */
    public static OutdoorWorkerDemand fromOsm(Path osm, PopulationSurface cells, Options options) {
        long start = System.nanoTime();
        List<OsmFeature> features = OsmFeatureReader.read(osm, options::wants);
        long read = System.nanoTime();
        return of(cells, features, options, (read - start) / 1_000_000);
    }

    /** The three surfaces from features already read ({@code readMs} 0). */
    public static OutdoorWorkerDemand of(PopulationSurface cells, List<OsmFeature> features, Options options) {
        return of(cells, features, options, 0);
    }

    private static OutdoorWorkerDemand of(PopulationSurface cells, List<OsmFeature> features, Options options, long readMs) {
        long t0 = System.nanoTime();
        PopulationSurface riders = RiderDemand.of(cells, features, options.riders());
        long t1 = System.nanoTime();
        PopulationSurface sanitation = SanitationDemand.of(cells, features, options.sanitation());
        long t2 = System.nanoTime();
        PopulationSurface drivers = DriverDemand.of(cells, features, options.driverPlaces(), options.driverLandPerHectare());
        long t3 = System.nanoTime();
        return new OutdoorWorkerDemand(riders, sanitation, drivers,
                new Timings(readMs, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
    }
}
