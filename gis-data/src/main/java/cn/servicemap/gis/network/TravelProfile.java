package cn.servicemap.gis.network;

import java.util.Locale;

/**
 * The ways a worker travels to a station, each a GraphHopper 11 custom model read from a JSON resource next
 * to this class ({@code walk.json}, {@code ebike.json}, {@code car.json}).
 *
 * <ul>
 *   <li>{@link #WALK} 步行: a constant 5 km/h on everything a pedestrian may use (footways, steps, pedestrian
 *       areas, crossings, living streets and ordinary roads); motorways and trunk roads without a sidewalk or
 *       an explicit {@code foot=yes} are excluded. Fifteen minutes are therefore 1,250 m of path.</li>
 *   <li>{@link #EBIKE} 电动自行车: electric bicycles of delivery riders, 18 km/h on roads and cycle lanes,
 *       12 km/h on living streets, service roads, tracks and paths, 10 km/h on footways explicitly open to
 *       bicycles; never on motorways, motorroads, trunk roads (urban expressways, 快速路) or
 *       steps, nor on footways without {@code bicycle=yes/designated}; one-way streets are respected unless {@code oneway:bicycle=no}.</li>
 *   <li>{@link #CAR} 驾车: GraphHopper's car model ({@code car_access}, {@code car_average_speed}), one-way
 *       streets respected, no turn costs.</li>
 * </ul>
 *
 * <p>A graph cached on disk is tied to the encoded values of its profiles: {@link #encodedValues()} lists every
 * encoded value a model uses, and {@link RoadNetwork} re-imports when the set of profiles changes.
 */
public enum TravelProfile {
    WALK("步行", "walk.json", 5.0, false, "foot_access, foot_road_access, road_class, crossing, sidewalk"),
    EBIKE("电动自行车", "ebike.json", 18.0, true, "bike_access, get_off_bike, road_class, bike_road_access"),
    CAR("驾车", "car.json", 140.0, true, "car_access, car_average_speed, road_class");

    private final String chineseLabel;
    private final String customModelResource;
    private final double maxSpeedInKmPerHour;
    private final boolean directed;
    private final String encodedValues;

    TravelProfile(String chineseLabel, String customModelResource, double maxSpeedInKmPerHour, boolean directed,
                  String encodedValues) {
        this.chineseLabel = chineseLabel;
        this.customModelResource = customModelResource;
        this.maxSpeedInKmPerHour = maxSpeedInKmPerHour;
        this.directed = directed;
        this.encodedValues = encodedValues;
    }

    /** The label shown to users, e.g. 步行. */
    public String chineseLabel() {
        return chineseLabel;
    }

    /** The GraphHopper profile name, e.g. {@code walk}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Classpath resource (relative to this class) holding the custom model JSON. */
    public String customModelResource() {
        return customModelResource;
    }

    /** An upper bound of the speed on any edge, used to bound searches by straight-line distance. */
    public double maxSpeedInKmPerHour() {
        return maxSpeedInKmPerHour;
    }

    /**
     * Whether one-way streets matter: then connectivity means strongly connected components, and the time from
     * a node to a station may differ from the time back.
     */
    public boolean isDirected() {
        return directed;
    }

    /** Comma-separated encoded values the custom model needs, for {@code graph.encoded_values}. */
    public String encodedValues() {
        return encodedValues;
    }
}
