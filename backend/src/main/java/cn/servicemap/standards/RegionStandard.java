package cn.servicemap.standards;

import java.time.OffsetDateTime;

/** The checklist and star scheme a region chose, with who chose them, why and when. */
public record RegionStandard(String regionCode, String standardCode, String starScheme, String setBy, String note,
                             OffsetDateTime setAt) {
}
