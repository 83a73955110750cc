package cn.servicemap.gis.standards;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A city's star criteria (福州工会驿站星级 …), one group of rows of {@code star-criteria.csv}: the criteria of each star
 * level the sources give. Levels are cumulative (4★ needs what 1★–3★ need); a level without listed criteria asks
 * nothing beyond the levels below it, as far as this data knows.
 *
 * @param code      stable upper-case code, e.g. {@code FUZHOU}
 * @param nameZh    e.g. 福州工会驿站星级
 * @param scope     where and how it applies, in words
 * @param appliesTo the station kinds graded under it
 * @param levels    the listed levels, lowest first
 */
public record StarScheme(String code, String nameZh, String scope, Set<String> appliesTo, List<Level> levels) {

    /** The highest grade. */
    public static final int MAX_STARS = 5;

    static final List<String> COLUMNS = List.of("scheme", "scheme_name_zh", "scope", "applies_to", "stars", "criterion_code",
            "name_zh", "condition", "note", "source", "verified");
    private static final SeedGroups.Layout LAYOUT = new SeedGroups.Layout("star-criteria.csv", COLUMNS, "scheme", "scheme_name_zh",
            "criterion_code", "name_zh");

    /** The criteria of one star level. */
    public record Level(int stars, List<StandardItem> criteria) {
        public Level {
            criteria = List.copyOf(criteria);
        }
    }

    public StarScheme {
        appliesTo = Set.copyOf(appliesTo);
        levels = List.copyOf(levels);
    }

    public boolean appliesTo(String kind) {
        return appliesTo.contains(kind);
    }

    /**
     * Reads {@code star-criteria.csv}: one row per criterion, the scheme's columns repeated on each of its rows; the
     * first scheme is the default a region uses until it chooses one.
     *
     * @throws IllegalArgumentException naming file and line for stars outside 1–5, a bad condition, an unknown service or
     *                                  disagreeing scheme columns
     */
    public static List<StarScheme> read(InputStream csv, Set<String> services) throws IOException {
        List<StarScheme> out = new ArrayList<>();
        for (SeedGroups.Group g : SeedGroups.read(csv, LAYOUT, services)) {
            Map<Integer, List<StandardItem>> byStars = new TreeMap<>();
            for (SeedGroups.Entry e : g.entries()) {
                int stars = e.row().integer("stars");
                if (stars < 1 || stars > MAX_STARS) {
                    throw e.row().fail("column stars must be 1 to " + MAX_STARS + ": " + stars);
                }
                byStars.computeIfAbsent(stars, k -> new ArrayList<>()).add(e.item());
            }
            out.add(new StarScheme(g.code(), g.nameZh(), g.scope(), g.appliesTo(),
                    byStars.entrySet().stream().map(x -> new Level(x.getKey(), x.getValue())).toList()));
        }
        return List.copyOf(out);
    }
}
