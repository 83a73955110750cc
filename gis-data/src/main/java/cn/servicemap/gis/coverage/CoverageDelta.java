package cn.servicemap.gis.coverage;

import java.util.List;

/**
 * What changed between two coverages of the same model, per district and band (a what-if against the
 * stored stations).
 *
 * @param districts one row per district, in the model's district order, then the region with a null adcode
 */
public record CoverageDelta(List<Row> districts) {

    /** People newly inside and no longer inside each band (same order as the bands). */
    public record Row(String adcode, String nameZh, double[] peopleGained, double[] peopleLost) {
    }

    public CoverageDelta {
        districts = List.copyOf(districts);
    }

    public Row region() {
        return districts.get(districts.size() - 1);
    }
}
