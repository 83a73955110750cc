package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayList;
import java.util.List;

/**
 * 交叉覆盖 (the 双15 goal that key urban areas reach more than one station): per district and band, the people whose
 * place reaches at least two different stations within the band — the trip to the second-nearest station (network
 * time from {@link TwoNearestSearch} at the cell's point on its street, plus the off-road walk, as for the nearest)
 * within the band. Over the same cells and people as the coverage report, so a district's people with two stations
 * never exceed those with one.
 *
 * <p>Limits: people only (road-km reaching two stations is not measured yet); computed from scratch, not updated by
 * what-ifs.
 *
 * @param bandMinutes ascending
 * @param region      the whole region's row (adcode and name null)
 * @param districts   per district, in the order of the coverage model
 */
public record CrossCoverage(List<Integer> bandMinutes, Row region, List<Row> districts) {

    /**
     * @param people         people on the network in the district (the population surface's cells)
     * @param peopleWithTwo  per band, people reaching two or more stations within it
     */
    public record Row(String adcode, String nameZh, double people, List<Double> peopleWithTwo) {
        public Row {
            peopleWithTwo = List.copyOf(peopleWithTwo);
        }
    }

    public CrossCoverage {
        bandMinutes = List.copyOf(bandMinutes);
        districts = List.copyOf(districts);
    }

    /** Counts the people of every cell whose second-nearest station lies within each band. */
    public static CrossCoverage compute(CoverageModel model, TwoNearestSearch.Result two, List<Integer> bandMinutes) {
        int d = model.districtCount();
        int bands = bandMinutes.size();
        double[] people = new double[d];
        double[][] withTwo = new double[d][bands];
        PopulationSurface surface = model.surface();
        for (int cell = 0; cell < model.cellCount(); cell++) {
            int district = model.cellDistrict(cell);
            double p = surface.people(cell);
            people[district] += p;
            int edge = model.cellEdge(cell);
            if (edge < 0) {
                continue;
            }
            int second = two.reachAt(edge, model.cellFraction(cell))[2];
            if (second == AccessField.UNREACHED) {
                continue;
            }
            long t = (long) second + model.cellOffRoadMillis(cell);
            for (int b = 0; b < bands; b++) {
                if (t <= bandMinutes.get(b) * 60_000L) {
                    withTwo[district][b] += p;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        double total = 0;
        double[] totalTwo = new double[bands];
        for (int i = 0; i < d; i++) {
            List<Double> w = new ArrayList<>();
            for (int b = 0; b < bands; b++) {
                w.add(withTwo[i][b]);
                totalTwo[b] += withTwo[i][b];
            }
            total += people[i];
            rows.add(new Row(model.districtAdcodes().get(i), model.districtName(i), people[i], w));
        }
        List<Double> t = new ArrayList<>();
        for (double v : totalTwo) {
            t.add(v);
        }
        return new CrossCoverage(bandMinutes, new Row(null, null, total, t), rows);
    }
}
