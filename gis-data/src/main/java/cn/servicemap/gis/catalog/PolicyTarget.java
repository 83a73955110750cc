package cn.servicemap.gis.catalog;

import cn.servicemap.gis.table.SeedCsv;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A policy target or national figure, one row of {@code policy-targets.csv}: what a region's coverage is measured
 * against (15-minute walk, 交叉覆盖, a workers' cultural palace per county …), with the document it comes from and
 * whether the figure was seen there.
 *
 * @param code     stable upper-case code, e.g. {@code SHUANG15_WALK_TIME}
 * @param nameZh   the Chinese name shown in tables
 * @param value    the default value, or null when there is no default (a region sets its own)
 * @param unit     {@code %}, {@code min}, {@code stations}, {@code palaces}, {@code points} …
 * @param scope    where it applies, in words
 * @param source   the document, issuing body, date and address — or why the figure is this project's default
 * @param verified whether the figure was seen in the cited document; unverified targets are shown as such
 */
public record PolicyTarget(String code, String nameZh, Double value, String unit, String scope, String source, boolean verified) {

    public PolicyTarget {
        code = CatalogText.requireCode(code);
        nameZh = CatalogText.requireText(nameZh, "nameZh");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(source, "source");
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("target " + code + " has value " + value + "; a target is a positive number");
        }
    }

    /** Reads {@code policy-targets.csv} (columns code, name_zh, value, unit, scope, source, verified = yes/no). */
    public static List<PolicyTarget> read(InputStream csv) throws IOException {
        List<PolicyTarget> targets = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (SeedCsv.Row row : SeedCsv.read(csv, "policy-targets.csv",
                List.of("code", "name_zh", "value", "unit", "scope", "source", "verified"))) {
            String value = row.get("value");
            String verified = row.require("verified");
            if (!verified.equals("yes") && !verified.equals("no")) {
                throw row.fail("column verified must be yes or no: '" + verified + "'");
            }
            Double number;
            try {
                number = value.isEmpty() ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw row.fail("column value is not a number: '" + value + "'");
            }
            PolicyTarget t;
            try {
                t = new PolicyTarget(row.require("code"), row.require("name_zh"), number, row.require("unit"),
                        row.get("scope"), row.require("source"), verified.equals("yes"));
            } catch (IllegalArgumentException e) {
                throw row.fail(e.getMessage());
            }
            if (!codes.add(t.code())) {
                throw row.fail("code " + t.code() + " appears twice");
            }
            targets.add(t);
        }
        return List.copyOf(targets);
    }
}
