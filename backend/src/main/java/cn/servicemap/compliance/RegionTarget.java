package cn.servicemap.compliance;

import java.time.OffsetDateTime;

/** A region's own value for a target, replacing the default, with who set it, why and when. */
record RegionTarget(String regionCode, String code, double value, String setBy, String note, OffsetDateTime setAt) {
}
