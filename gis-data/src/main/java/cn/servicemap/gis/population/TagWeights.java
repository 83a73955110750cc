package cn.servicemap.gis.population;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much an OSM object weighs for a demand surface, by its tags. Each entry is a condition and a weight:
 * {@code "amenity=restaurant"} (that tag), {@code "shop=*"} (the key with any value but {@code no}) or several joined
 * by {@code &}, all of which must hold ({@code "amenity=parking&hgv=designated"}).
 *
 * <p>An object takes the weight of <em>one</em> entry, never a sum, so it is not counted twice for two of its tags:
 * of the entries it meets, the most specific — the most {@code key=value} parts, a {@code key=*} part counting
 * none — and among equally specific ones the largest weight. So {@code highway=footway} 0.5 beside {@code highway=*} 1
 * gives a footway 0.5 and any other road 1; {@code amenity=parking&hgv=yes} 2 beside {@code amenity=parking} 0.1
 * gives a truck park 2; a restaurant that is also tagged as a bakery takes the larger of the two. An entry of weight 0
 * excludes what it names. An object that meets no entry weighs 0. Weights are finite and ≥ 0, in the demand
 * surface's unit.
 *
 * <p>Immutable; equal when the conditions and weights are (a value, as a record; a class only to keep the
 * conditions parsed once).
 */
public final class TagWeights {

    /** One {@code key=value} or {@code key=*} of a condition. */
    private record Tag(String key, String value) {
        boolean heldBy(Map<String, String> tags) {
            String v = tags.get(key);
            return v != null && ("*".equals(value) ? !"no".equals(v) : value.equals(v));
        }
    }

    private final Map<String, Double> weights;
    private final List<List<Tag>> parsed;
    private final double[] values;
    private final List<String> conditionNames;
    /** Per entry: how many of its parts name a value (not {@code *}). */
    private final int[] specificity;

    /**
     * @param weights conditions and weights, in the order reports describe them
     * @throws IllegalArgumentException for a malformed condition or a weight that is not a finite number ≥ 0
     */
    public TagWeights(Map<String, Double> weights) {
        Objects.requireNonNull(weights, "weights");
        Map<String, Double> copy = new LinkedHashMap<>();
        List<List<Tag>> conditions = new ArrayList<>();
        weights.forEach((condition, weight) -> {
            conditions.add(conditions(condition));
            if (weight == null || !Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("the weight of '" + condition + "' must be a finite number ≥ 0, was " + weight);
            }
            copy.put(condition, weight);
        });
        this.weights = Collections.unmodifiableMap(copy);
        this.parsed = List.copyOf(conditions);
        this.values = copy.values().stream().mapToDouble(Double::doubleValue).toArray();
        this.conditionNames = List.copyOf(copy.keySet());
        this.specificity = conditions.stream().mapToInt(c -> (int) c.stream().filter(t -> !"*".equals(t.value())).count())
                .toArray();
    }

    /** The conditions and their weights, in the order given. */
    public Map<String, Double> weights() {
        return weights;
    }

    /** Weights from alternating conditions and numbers: {@code of("amenity=restaurant", 1, "shop=*", 0.25)}. */
    public static TagWeights of(Object... conditionsAndWeights) {
        if (conditionsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("give conditions and weights in pairs");
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < conditionsAndWeights.length; i += 2) {
            m.put((String) conditionsAndWeights[i], ((Number) conditionsAndWeights[i + 1]).doubleValue());
        }
        return new TagWeights(m);
    }

    /** The weight of an object with these tags (see the class comment), 0 when it meets no entry. */
    public double weightOf(Map<String, String> tags) {
        int best = bestEntry(tags);
        return best < 0 ? 0 : values[best];
    }

    /** The condition whose weight an object with these tags takes, or null when it weighs 0. */
    String conditionOf(Map<String, String> tags) {
        int best = bestEntry(tags);
        return best < 0 || values[best] == 0 ? null : conditionNames.get(best);
    }

    /** The entry an object takes: the most specific it meets, then the heaviest, then the first; -1 when none. */
    private int bestEntry(Map<String, String> tags) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (best >= 0 && (specificity[i] < specificity[best]
                    || specificity[i] == specificity[best] && values[i] <= values[best])) {
                continue;
            }
            if (meets(tags, parsed.get(i))) {
                best = i;
            }
        }
        return best;
    }

    /** True when the object meets any entry, whatever its weight: whether a reader must keep it. */
    public boolean matches(Map<String, String> tags) {
        for (List<Tag> condition : parsed) {
            if (meets(tags, condition)) {
                return true;
            }
        }
        return false;
    }

    /** True when every entry weighs exactly 1 (plain counts or plain lengths). */
    public boolean isUnit() {
        return weights.values().stream().allMatch(w -> w == 1.0);
    }

    /** "amenity=restaurant ×1, shop=* ×0.25": the weights as reports state them. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        weights.forEach((condition, weight) -> parts.add(condition + " ×" + number(weight)));
        return String.join(", ", parts);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
    }

    private static boolean meets(Map<String, String> tags, List<Tag> condition) {
        for (Tag t : condition) {
            if (!t.heldBy(tags)) {
                return false;
            }
        }
        return true;
    }

    /** The parts of a condition; refuses an empty key or value. */
    private static List<Tag> conditions(String condition) {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("a tag condition must not be empty");
        }
        List<Tag> tags = new ArrayList<>();
        for (String part : condition.split("&", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("a tag condition is key=value, key=* or several joined by &, was '"
                        + condition + "'");
            }
            tags.add(new Tag(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
        }
        return List.copyOf(tags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagWeights t && t.weights.equals(weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }

    @Override
    public String toString() {
        return "TagWeights[" + describe() + "]";
    }
}
