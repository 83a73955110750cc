package cn.servicemap.gis.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * People newly inside and no longer inside each band, one coverage against another of the same
 * {@link CoverageModel} and bands (typically a what-if against the stored stations).
 *
 * <p>Method: one pass over the population cells; a cell whose travel time differs between the two
 * coverages adds its people to "gained" for each band it is now within and was not, and to "lost" for the
 * reverse. A cell far from any road or beyond the search limit is within no band. People are as estimated
 * by the population surface (fractional). Costs O(cells × bands) however small the change.
 */
public final class CoverageComparison {

    private CoverageComparison() {
    }

    /**
     * People gained and lost per district and band, {@code after} against {@code baseline}.
     *
     * @return one row per district in the model's order, then the region row, which has a null adcode and a
     *         null name (the caller labels it)
     * @throws IllegalArgumentException if the two coverages are of different models or bands
     */
    public static CoverageDelta compare(Coverage after, Coverage baseline) {
        CoverageModel model = after.model();
        if (baseline.model() != model || !baseline.bandMinutes().equals(after.bandMinutes())) {
            throw new IllegalArgumentException("can only compare coverages of the same model and bands");
        }
        int districts = model.districtCount();
        int bands = after.bandCount();
        double[][] gained = new double[districts + 1][bands];
        double[][] lost = new double[districts + 1][bands];
        for (int cell = 0; cell < model.cellCount(); cell++) {
            int before = baseline.cellTimeInMillis(cell);
            int now = after.cellTimeInMillis(cell);
            if (before == now) {
                continue;
            }
            int d = model.cellDistrict(cell);
            double p = model.surface().people(cell);
            for (int b = 0; b < bands; b++) {
                boolean was = Coverage.within(before, after.bandMillis(b));
                boolean is = Coverage.within(now, after.bandMillis(b));
                if (is && !was) {
                    gained[d][b] += p;
                    gained[districts][b] += p;
                } else if (was && !is) {
                    lost[d][b] += p;
                    lost[districts][b] += p;
                }
            }
        }
        List<CoverageDelta.Row> rows = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
            rows.add(new CoverageDelta.Row(model.districtAdcodes().get(d), model.districtName(d), gained[d], lost[d]));
        }
        rows.add(new CoverageDelta.Row(null, null, gained[districts], lost[districts]));
        return new CoverageDelta(rows);
    }
}
