package cn.servicemap.gis.standards;

import cn.servicemap.gis.table.SeedCsv;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reading the two seed files share: one row per item, grouped by the standard's (or scheme's) code in file order;
 * the group's name, scope and kinds repeated on each of its rows and checked to agree; each row an item
 * ({@link StandardItem}) whose code is unique within its group.
 */
final class SeedGroups {

    /**
     * Where a file keeps what: its name and columns, the group's code and name columns, the item's code and name columns.
     */
    record Layout(String file, List<String> columns, String key, String name, String itemCode, String itemName) {
    }

    /** One row and the item it describes. */
    record Entry(SeedCsv.Row row, StandardItem item) {
    }

    /** One standard or scheme: its code, name, scope, the station kinds it applies to, and its rows in file order. */
    record Group(String code, String nameZh, String scope, Set<String> appliesTo, List<Entry> entries) {
        List<StandardItem> items() {
            return entries.stream().map(Entry::item).toList();
        }
    }

    private SeedGroups() {
    }

    /**
     * Reads a file of this layout.
     *
     * @param services the catalog's service codes, which {@code service:} conditions must name
     * @throws IllegalArgumentException naming file and line for a missing column, a bad condition, an unknown service,
     *                                  disagreeing group columns, an empty {@code applies_to} or a repeated item
     */
    static List<Group> read(InputStream csv, Layout layout, Set<String> services) throws IOException {
        Map<String, List<SeedCsv.Row>> byKey = new LinkedHashMap<>();
        for (SeedCsv.Row row : SeedCsv.read(csv, layout.file(), layout.columns())) {
            List<SeedCsv.Row> rows = byKey.computeIfAbsent(row.require(layout.key()), k -> new ArrayList<>());
            if (!rows.isEmpty()) {
                for (String column : List.of(layout.name(), "scope", "applies_to")) {
                    if (!row.get(column).equals(rows.get(0).get(column))) {
                        throw row.fail("column " + column + " differs from line " + rows.get(0).line() + " of the same " + row.get(layout.key()));
                    }
                }
            }
            rows.add(row);
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<String, List<SeedCsv.Row>> e : byKey.entrySet()) {
            SeedCsv.Row first = e.getValue().get(0);
            Set<String> kinds = new LinkedHashSet<>(first.list("applies_to"));
            if (kinds.isEmpty()) {
                throw first.fail("column applies_to is empty");
            }
            List<Entry> entries = new ArrayList<>();
            for (SeedCsv.Row row : e.getValue()) {
                StandardItem item = item(row, layout, services);
                if (entries.stream().anyMatch(x -> x.item().code().equals(item.code()))) {
                    throw row.fail("item " + item.code() + " appears twice");
                }
                entries.add(new Entry(row, item));
            }
            out.add(new Group(e.getKey(), first.require(layout.name()), first.get("scope"), kinds, entries));
        }
        return out;
    }

    /** The item of a row: code, name, condition, note, source and whether it was seen in the source (yes/no). */
    private static StandardItem item(SeedCsv.Row row, Layout layout, Set<String> services) {
        String verified = row.require("verified");
        if (!verified.equals("yes") && !verified.equals("no")) {
            throw row.fail("column verified must be yes or no: '" + verified + "'");
        }
        try {
            return new StandardItem(row.require(layout.itemCode()), row.require(layout.itemName()),
                    Condition.parse(row.require("condition"), services), row.get("note"), row.require("source"), verified.equals("yes"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(row.file() + " line ") ? e : row.fail(e.getMessage());
        }
    }
}
