package cn.servicemap.region;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The region loaded into this instance: what the map shows and coverage is computed for.
 *
 * @param osmSource the OpenStreetMap file its road network comes from, or null
 * @param credits   attributions the UI and reports must show
 */
public record Region(String code, String nameZh, boolean synthetic, String description, String osmSource,
                     List<String> credits, OffsetDateTime loadedAt) {
}
