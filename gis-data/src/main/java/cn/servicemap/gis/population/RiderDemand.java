package cn.servicemap.gis.population;

import cn.servicemap.gis.osm.OsmFeature;
import java.util.List;
import java.util.Locale;

/**
 * Where delivery riders and couriers (外卖/快递骑手) work: a demand surface weighting each cell by the food and retail
 * outlets and parcel points in it, the places riders pick orders up from and wait at between orders.
 *
 * <p><b>Method.</b> Every OSM object {@link #DEFAULT_WEIGHTS} (or the weights given) gives a positive weight adds it to
 * the cell holding its point ({@link PlaceTally}: a node's position, an outline's interior point; an object meeting
 * several entries takes one weight, never two: the most specific entry's, so a supermarket weighs 1, not the 0.25 of
 * {@code shop=*} — {@link TagWeights}). A cell's value is the weighted count of its outlets; the
 * region's total is the weighted count of outlets inside the study area. Outlets outside it are counted in the
 * method sentence, not in the cells.
 *
 * <p><b>Unit: outlet weights, relative.</b> Not a number of riders: no published ratio of riders to outlets is
 * defensible for a city (platforms report riders and merchants nationally, not where riders wait), so only shares and
 * comparisons of this surface mean something — which share of the rider demand a station network covers, which cells
 * hold the most. A planner with a rider count can scale it.
 *
 * <p><b>Default weights</b>, an assumption stated in every report: 1 for a place that hands meals or goods to riders
 * (restaurant, fast food, café, ice cream, pharmacy, supermarket, convenience and food shops, florist, parcel locker,
 * pick-up point {@code shop=outpost} — 快递驿站); 3 for one tag that stands for many such outlets (food court,
 * marketplace, mall, department store); 2 for a post office or courier office (couriers start and end rounds there),
 * 3 for a parcel depot; 0.25 for any other shop (clothes, electronics: little sent by rider). Bars, pubs and nightclubs
 * count 0.
 *
 * <p>Limits: OSM maps outlets unevenly (the Nanjing core has 38 restaurants, a fraction of the real number), so the
 * surface shows where mapped outlets are; dark kitchens and outlets inside a mall mapped only as the mall are not
 * seen separately.
 */
public final class RiderDemand {

    /** The weights described in the class comment. */
    public static final TagWeights DEFAULT_WEIGHTS = TagWeights.of(
            "amenity=restaurant", 1, "amenity=fast_food", 1, "amenity=cafe", 1, "amenity=ice_cream", 1,
            "amenity=food_court", 3, "amenity=marketplace", 3, "amenity=pharmacy", 1,
            "shop=supermarket", 1, "shop=convenience", 1, "shop=bakery", 1, "shop=pastry", 1, "shop=confectionery", 1,
            "shop=greengrocer", 1, "shop=butcher", 1, "shop=seafood", 1, "shop=deli", 1, "shop=beverages", 1,
            "shop=tea", 1, "shop=coffee", 1, "shop=alcohol", 1, "shop=wine", 1, "shop=dairy", 1, "shop=frozen_food", 1,
            "shop=chemist", 1, "shop=florist", 1, "shop=mall", 3, "shop=department_store", 3, "shop=outpost", 1,
            "shop=*", 0.25,
            "amenity=parcel_locker", 1, "amenity=post_office", 2, "office=courier", 2, "amenity=post_depot", 3);

    private RiderDemand() {
    }

    /** With {@link #DEFAULT_WEIGHTS}. */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> features) {
        return of(cells, features, DEFAULT_WEIGHTS);
    }

    /**
     * @param cells    the surface whose cells the demand is put on (usually the residents')
     * @param features OSM objects; those the weights give nothing are ignored, so a list read for several surfaces will do
     * @param weights  weight per kind of outlet
     */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> features, TagWeights weights) {
        PlaceTally t = PlaceTally.of(cells, features, weights);
        String en = String.format(Locale.ROOT, "outlet-weighted demand in relative units, not a count of riders: each "
                        + "food or retail outlet and parcel point of the OSM extract counted at its weight (%s) in the cell "
                        + "holding it; %,d outlets in the cells weigh %s (%s); %,d outlets weighing %s lie outside the "
                        + "study area and are not counted", weights.describe(), t.placesInside(),
                PlaceTally.amount(t.weightInside()), t.counted(), t.placesOutside(), PlaceTally.amount(t.weightOutside()));
        String zh = String.format(Locale.ROOT, "按网点加权的需求（相对值，不是骑手人数）：OSM 中每个餐饮、零售网点和快递点按权重（%s）"
                        + "计入其所在网格；网格内 %,d 个网点，权重合计 %s；研究区外 %,d 个网点（权重 %s）不计", weights.describe(),
                t.placesInside(), PlaceTally.amount(t.weightInside()), t.placesOutside(), PlaceTally.amount(t.weightOutside()));
        return cells.withDemand(t.values(), new Demand(DemandKind.RIDERS, "加权网点数（相对值）",
                "outlet weights (relative units)", zh, en, true));
    }
}
