package cn.servicemap.gis.standards;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * A checklist stations are built to (贵州“七个一”, 上海“6+X”, 海南“六有” …), one group of rows of
 * {@code facility-standards.csv}.
 *
 * @param code      stable upper-case code, e.g. {@code WUHAN_7}
 * @param nameZh    e.g. 武汉“七个一”
 * @param scope     where it applies, in words
 * @param appliesTo the station kinds it measures (e.g. OUTDOOR_STATION); other kinds are not measured against it
 * @param items     the items, in the source's order
 */
public record FacilityStandard(String code, String nameZh, String scope, Set<String> appliesTo, List<StandardItem> items) {

    static final List<String> COLUMNS = List.of("standard_code", "standard_name_zh", "scope", "applies_to", "item_code",
            "item_name_zh", "condition", "note", "source", "verified");
    private static final SeedGroups.Layout LAYOUT = new SeedGroups.Layout("facility-standards.csv", COLUMNS, "standard_code",
            "standard_name_zh", "item_code", "item_name_zh");

    public FacilityStandard {
        appliesTo = Set.copyOf(appliesTo);
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("standard " + code + " has no items");
        }
    }

    /** Whether stations of this kind are measured against the standard. */
    public boolean appliesTo(String kind) {
        return appliesTo.contains(kind);
    }

    /**
     * Reads {@code facility-standards.csv}: one row per item, the standard's columns repeated on each of its rows, in
     * file order (the first standard is the default a region uses until it chooses one).
     *
     * @param services the catalog's service codes, which {@code service:} conditions must name
     * @throws IllegalArgumentException naming file and line for a missing column, a bad condition, an unknown service,
     *                                  disagreeing standard columns or a repeated item
     */
    public static List<FacilityStandard> read(InputStream csv, Set<String> services) throws IOException {
        return SeedGroups.read(csv, LAYOUT, services).stream()
                .map(g -> new FacilityStandard(g.code(), g.nameZh(), g.scope(), g.appliesTo(), g.items())).toList();
    }
}
