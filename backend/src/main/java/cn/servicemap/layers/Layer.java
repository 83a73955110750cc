package cn.servicemap.layers;

import cn.servicemap.system.NotFoundException;

/**
 * The layers a region's data is published as — by the OGC API collections and the file exports — in the order the
 * landing page lists them, each with its geometry (every feature of a layer has the same one, as a Shapefile needs) and
 * the record its items are.
 */
public enum Layer {
    stations("服务阵地站点 Stations", "The region's service points (驿站 …) with kind, hours, services and how one gets in",
            Shape.POINT, LayerItems.StationItem.class),
    districts("行政区 Districts", "The region's districts with their census people, as the coverage report counts them",
            Shape.MULTIPOLYGON, LayerItems.DistrictItem.class),
    bands("服务圈 Service-area bands", "Where the nearest open station is within each band's minutes on the road network (nested: "
            + "each band holds the smaller ones); parameters profile (WALK, EBIKE, CAR) and bands (e.g. 5,10,15)",
            Shape.MULTIPOLYGON, LayerItems.BandItem.class),
    gaps("服务缺口 Gaps", "Connected areas outside the band, largest first by the people in them, with the best street point for a new "
            + "station; parameters profile, bands, minutes and gaps (how many)", Shape.MULTIPOLYGON, LayerItems.GapItem.class),
    siting("选址结果 Siting results", "The proposed new stations of the region's latest finished siting job (planners only); "
            + "parameter job for another finished job", Shape.POINT, LayerItems.SiteItem.class);

    /** A layer's geometry type. */
    public enum Shape {
        POINT, MULTIPOLYGON
    }

    public final String title;
    public final String description;
    public final Shape shape;
    final Class<? extends Record> items;

    Layer(String title, String description, Shape shape, Class<? extends Record> items) {
        this.title = title;
        this.description = description;
        this.shape = shape;
        this.items = items;
    }

    /** The layer of this id, or a 404 that names it. */
    public static Layer of(String id) {
        for (Layer l : values()) {
            if (l.name().equals(id)) {
                return l;
            }
        }
        throw new NotFoundException("没有这个图层：" + (id.length() > 40 ? id.substring(0, 40) : id) + " (no such layer)");
    }
}
