package cn.servicemap.gis.population;

/**
 * Whom a surface counts: the residents of the census, or one of the worker groups the stations serve, or points a
 * planner uploaded. Each has a surface on the same cells as the residents' ({@link PopulationSurface#withDemand}), so
 * every coverage figure can be computed for it the same way.
 */
public enum DemandKind {
    /** Census residents spread over the cells ({@link PopulationSurface#fromOsm}). */
    RESIDENTS("常住人口", "residents"),
    /** Food-delivery riders and couriers, from food and retail outlets and parcel points ({@link RiderDemand}). */
    RIDERS("外卖/快递骑手", "delivery riders and couriers"),
    /** Sanitation workers, from the weighted length of the streets they sweep ({@link SanitationDemand}). */
    SANITATION("环卫工人", "sanitation workers"),
    /**
     * Truck and ride-hailing drivers, from fuel and charging stations, truck parking and logistics and industrial land
     * ({@link DriverDemand}). They travel by car: pair this surface with the car profile.
     */
    DRIVERS("货车/网约车司机", "truck and ride-hailing drivers"),
    /** Weighted points a planner uploaded ({@link PointDemand}). */
    CUSTOM("自定义点位", "uploaded points");

    private final String labelZh;
    private final String labelEn;

    DemandKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** 外卖/快递骑手 … for the UI. */
    public String labelZh() {
        return labelZh;
    }

    /** "delivery riders and couriers" … for reports and logs. */
    public String labelEn() {
        return labelEn;
    }
}
