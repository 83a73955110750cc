package cn.servicemap.gis.coverage;

import cn.servicemap.gis.population.DistrictShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Builds the {@link CoverageReport} of a {@link Coverage} from its per-district sums: one row per district
 * in the model's order, and a region row summing all districts.
 *
 * <p>Per row: people and street length in the covered part, people and street km within each band (shares
 * capped at 1), people beyond the search limit and far from any road, and from the travel-time histogram
 * (0.1-minute buckets) the people-weighted mean (bucket midpoints, over people reached within the search
 * limit) and the 90th percentile (the upper edge of the bucket where 90 % of all the row's people are
 * reached, or null when fewer are reached). Census population and areas come from the population
 * surface's {@link DistrictShare}s; the region's census is null when any district's is unknown.
 *
 * <p>The region row has a null adcode and a null name: labelling it ("全区域", "Whole region") is the
 * caller's business. Costs O(districts × (bands + buckets)); no pass over the cells.
 */
final class CoverageReportBuilder {

    private CoverageReportBuilder() {
    }

    static CoverageReport build(Coverage coverage) {
        CoverageModel model = coverage.model();
        List<DistrictCoverage> rows = new ArrayList<>();
        int districts = model.districtCount();
        for (int d = 0; d < districts; d++) {
            Optional<DistrictShare> share = model.share(d);
            rows.add(row(coverage, model.districtAdcodes().get(d), model.districtName(d),
                    share.map(DistrictShare::censusPeople).orElse(null),
                    share.map(DistrictShare::districtAreaKm2).orElse(0.0), share.map(DistrictShare::coveredAreaKm2).orElse(0.0),
                    share.map(DistrictShare::coveredShareOfArea).orElse(0.0),
                    share.map(DistrictShare::method).orElse("no population surface for this district"),
                    new int[]{d}));
        }
        long census = 0;
        boolean censusKnown = true;
        double districtArea = 0;
        double coveredArea = 0;
        for (DistrictCoverage r : rows) {
            if (r.censusPeople() == null) {
                censusKnown = false;
            } else {
                census += r.censusPeople();
            }
            districtArea += r.districtAreaKm2();
            coveredArea += r.coveredAreaKm2();
        }
        DistrictCoverage region = row(coverage, null, null, censusKnown ? census : null, districtArea, coveredArea,
                districtArea > 0 ? coveredArea / districtArea : 0, "sum of the districts", IntStream.range(0, districts).toArray());
        return new CoverageReport(model.profile(), coverage.bandMinutes(), coverage.field().timeLimitInMillis() / 60_000,
                region, rows);
    }

    private static DistrictCoverage row(Coverage c, String adcode, String name, Long census, double districtArea,
                                        double coveredArea, double coveredShare, String method, int[] districts) {
        int bandCount = c.bandCount();
        double peopleSum = 0;
        double roads = 0;
        double beyond = 0;
        double far = 0;
        double[] covered = new double[bandCount];
        double[] meters = new double[bandCount];
        double[] hist = new double[c.bucketCount()];
        for (int d : districts) {
            peopleSum += c.people(d);
            roads += c.roadMeters(d);
            beyond += c.peopleBeyondLimit(d);
            far += c.peopleFarFromRoad(d);
            for (int b = 0; b < bandCount; b++) {
                covered[b] += c.coveredPeople(d, b);
                meters[b] += c.coveredMeters(d, b);
            }
            for (int k = 0; k < hist.length; k++) {
                hist[k] += c.histogram(d, k);
            }
        }
        List<BandCoverage> bands = new ArrayList<>();
        for (int b = 0; b < bandCount; b++) {
            bands.add(new BandCoverage(c.bandMinutes().get(b), covered[b], peopleSum > 0 ? Math.min(1, covered[b] / peopleSum) : 0,
                    meters[b] / 1000, roads > 0 ? Math.min(1, meters[b] / roads) : 0));
        }
        double reached = 0;
        double weighted = 0;
        for (int k = 0; k < hist.length; k++) {
            reached += hist[k];
            weighted += hist[k] * (k + 0.5) * Coverage.BUCKET_MILLIS / 60_000.0;
        }
        Double mean = reached > 0 ? weighted / reached : null;
        Double p90 = null;
        double target = 0.9 * peopleSum;
        double running = 0;
        for (int k = 0; k < hist.length && peopleSum > 0; k++) {
            running += hist[k];
            if (running >= target) {
                p90 = (k + 1) * Coverage.BUCKET_MILLIS / 60_000.0;
                break;
            }
        }
        return new DistrictCoverage(adcode, name, census, districtArea, coveredArea, coveredShare, peopleSum, method,
                roads / 1000, bands, mean, p90, beyond, far);
    }
}
