package cn.servicemap.region;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A region (区域): a city or county this instance serves, with its own districts, road network and coverage. One
 * instance may hold several; stations belong to the region whose districts contain them.
 *
 * @param code         the region's code: the 6-digit adcode of the city or county it stands for (the demo keeps
 *                     its historical code)
 * @param osmSource    the OpenStreetMap file its road network comes from, or null
 * @param credits      attributions the UI and reports must show
 * @param status       IMPORTING while its files are read, READY to serve, FAILED with the reason
 * @param statusReason why it failed, or null
 * @param revision     counts the changes to its districts and census (imports, edits): what an instance built from
 *                     them (district index, network, population) is stale when the revision moved on
 */
@Schema(description = "A region (区域) this instance serves")
public record Region(String code, String nameZh, boolean synthetic, String description, String osmSource,
                     List<String> credits, OffsetDateTime loadedAt, RegionStatus status,
                     @Schema(nullable = true) String statusReason, long revision) {

    /** The same region in another state. */
    public Region withStatus(RegionStatus newStatus, String reason) {
        return new Region(code, nameZh, synthetic, description, osmSource, credits, loadedAt, newStatus, reason, revision);
    }

    /** A region in a state, before any change to its districts. */
    public Region(String code, String nameZh, boolean synthetic, String description, String osmSource, List<String> credits,
                  OffsetDateTime loadedAt, RegionStatus status, String statusReason) {
        this(code, nameZh, synthetic, description, osmSource, credits, loadedAt, status, statusReason, 0);
    }

    /** A region ready to serve. */
    public Region(String code, String nameZh, boolean synthetic, String description, String osmSource, List<String> credits,
                  OffsetDateTime loadedAt) {
        this(code, nameZh, synthetic, description, osmSource, credits, loadedAt, RegionStatus.READY, null);
    }
}
