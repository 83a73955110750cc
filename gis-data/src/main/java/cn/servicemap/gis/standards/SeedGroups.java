package cn.servicemap.gis.standards;

import cn.servicemap.gis.table.SeedCsv;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reading the two seed files share: one row per item, grouped by the standard (or scheme) code in file order, the
 * columns that describe the group repeated on each of its rows and checked to agree; each item a {@link StandardItem}.
 */
final class SeedGroups {

    private SeedGroups() {
    }

    /** Rows by the value of {@code key}, first seen first; {@code shared} columns must agree within a group. */
    static Map<String, List<SeedCsv.Row>> group(List<SeedCsv.Row> rows, String key, List<String> shared) {
        Map<String, List<SeedCsv.Row>> groups = new LinkedHashMap<>();
        for (SeedCsv.Row row : rows) {
            List<SeedCsv.Row> group = groups.computeIfAbsent(row.require(key), k -> new java.util.ArrayList<>());
            if (!group.isEmpty()) {
                for (String column : shared) {
                    if (!row.get(column).equals(group.get(0).get(column))) {
                        throw row.fail("column " + column + " differs from line " + group.get(0).line() + " of the same "
                                + row.get(key));
                    }
                }
            }
            group.add(row);
        }
        return groups;
    }

    /** The item of a row: code, name, condition, note, source and whether it was seen in the source (yes/no). */
    static StandardItem item(SeedCsv.Row row, String codeColumn, String nameColumn, Set<String> services) {
        String verified = row.require("verified");
        if (!verified.equals("yes") && !verified.equals("no")) {
            throw row.fail("column verified must be yes or no: '" + verified + "'");
        }
        try {
            return new StandardItem(row.require(codeColumn), row.require(nameColumn),
                    Condition.parse(row.require("condition"), services), row.get("note"), row.require("source"), verified.equals("yes"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(row.file() + " line ") ? e : row.fail(e.getMessage());
        }
    }

    /** The station kinds a group applies to ({@code |}-separated codes); at least one. */
    static Set<String> appliesTo(SeedCsv.Row row) {
        Set<String> kinds = new LinkedHashSet<>(row.list("applies_to"));
        if (kinds.isEmpty()) {
            throw row.fail("column applies_to is empty");
        }
        return kinds;
    }

    /** Refuses a second item with the same code in one group. */
    static void requireUnique(List<StandardItem> items, SeedCsv.Row row, StandardItem item) {
        if (items.stream().anyMatch(i -> i.code().equals(item.code()))) {
            throw row.fail("item " + item.code() + " appears twice");
        }
    }
}
