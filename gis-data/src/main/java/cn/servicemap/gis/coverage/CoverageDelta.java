package cn.servicemap.gis.coverage;

import java.util.List;

/**
 * What changed between two coverages of the same model, per district and band (a what-if against the
 * stored stations).
 *
 * @param districts one row per district, in the model's district order, then the region row, which has a null
 *                  adcode and a null name: the caller labels it
 */
public record CoverageDelta(List<Row> districts) {

    /**
     * People newly inside and no longer inside each band (same order as the bands).
     *
     * @param adcode null for the region row
     * @param nameZh null for the region row
     */
    public record Row(String adcode, String nameZh, double[] peopleGained, double[] peopleLost) {
    }

    public CoverageDelta {
        districts = List.copyOf(districts);
    }

    /** The row for the whole region (the last one): its {@code adcode} and {@code nameZh} are null, the caller labels it. */
    public Row region() {
        return districts.get(districts.size() - 1);
    }
}
