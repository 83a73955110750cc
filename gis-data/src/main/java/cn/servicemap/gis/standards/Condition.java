package cn.servicemap.gis.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an item of a standard asks of a station's registry record, written in the seed files as:
 * <ul>
 *   <li>{@code service:MICROWAVE} — the station offers the service (a service it does not list is {@link Verdict#MISSING});</li>
 *   <li>{@code staffed}, {@code stepFree} — the access attribute is true (false: missing; not recorded: unknown);</li>
 *   <li>{@code areaM2>=30}, {@code areaM2>0}, {@code capacity>=20} — a recorded number reaches the bound (not recorded:
 *       unknown);</li>
 *   <li>{@code registered} — always met: the station is in this registry, on this map (有地图可查);</li>
 *   <li>{@code not_recorded} — a fact no registry keeps (统一标识, 管理制度上墙): always unknown, never met or missing;</li>
 *   <li>{@code a | b} — any of the alternatives: met when one is met, else unknown when one is unknown, else missing.</li>
 * </ul>
 */
public sealed interface Condition {

    /** The verdict on one station. */
    Verdict test(StationFacts station);

    /** The condition as the seed files write it. */
    String text();

    /** A numeric attribute of the record. */
    enum Amount {
        AREA_M2("areaM2", StationFacts::areaM2), CAPACITY("capacity", s -> s.capacity() == null ? null : s.capacity().doubleValue());

        private final String key;
        private final Function<StationFacts, Double> value;

        Amount(String key, Function<StationFacts, Double> value) {
            this.key = key;
            this.value = value;
        }
    }

    /** A yes/no attribute of the record. */
    enum Flag {
        STAFFED("staffed", StationFacts::staffed), STEP_FREE("stepFree", StationFacts::stepFree);

        private final String key;
        private final Function<StationFacts, Boolean> value;

        Flag(String key, Function<StationFacts, Boolean> value) {
            this.key = key;
            this.value = value;
        }
    }

    record Service(String code) implements Condition {
        @Override
        public Verdict test(StationFacts s) {
            return s.services().contains(code) ? Verdict.MET : Verdict.MISSING;
        }

        @Override
        public String text() {
            return "service:" + code;
        }
    }

    /** The amount reaches {@code bound}: at least it, or above it when {@code strict}. */
    record AtLeast(Amount amount, double bound, boolean strict) implements Condition {
        @Override
        public Verdict test(StationFacts s) {
            Double v = amount.value.apply(s);
            if (v == null) {
                return Verdict.UNKNOWN;
            }
            return (strict ? v > bound : v >= bound) ? Verdict.MET : Verdict.MISSING;
        }

        @Override
        public String text() {
            String number = bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
            return amount.key + (strict ? ">" : ">=") + number;
        }
    }

    record Is(Flag flag) implements Condition {
        @Override
        public Verdict test(StationFacts s) {
            Boolean v = flag.value.apply(s);
            return v == null ? Verdict.UNKNOWN : v ? Verdict.MET : Verdict.MISSING;
        }

        @Override
        public String text() {
            return flag.key;
        }
    }

    record Registered() implements Condition {
        @Override
        public Verdict test(StationFacts s) {
            return Verdict.MET;
        }

        @Override
        public String text() {
            return "registered";
        }
    }

    record NotRecorded() implements Condition {
        @Override
        public Verdict test(StationFacts s) {
            return Verdict.UNKNOWN;
        }

        @Override
        public String text() {
            return "not_recorded";
        }
    }

    record AnyOf(List<Condition> options) implements Condition {
        public AnyOf {
            options = List.copyOf(options);
        }

        @Override
        public Verdict test(StationFacts s) {
            Verdict best = Verdict.MISSING;
            for (Condition c : options) {
                Verdict v = c.test(s);
                if (v == Verdict.MET) {
                    return v;
                }
                if (v == Verdict.UNKNOWN) {
                    best = v;
                }
            }
            return best;
        }

        @Override
        public String text() {
            return String.join(" | ", options.stream().map(Condition::text).toList());
        }
    }

    /**
     * Parses the seed text.
     *
     * @param services the service codes of the catalog; a {@code service:} code outside them is refused
     * @throws IllegalArgumentException naming what is wrong
     */
    static Condition parse(String text, Set<String> services) {
        List<Condition> options = new ArrayList<>();
        for (String part : text.split("\\|", -1)) {
            options.add(parseOne(part.strip(), services));
        }
        return options.size() == 1 ? options.get(0) : new AnyOf(options);
    }

    private static Condition parseOne(String t, Set<String> services) {
        if (t.startsWith("service:")) {
            String code = t.substring("service:".length()).strip().toUpperCase(Locale.ROOT);
            if (!services.contains(code)) {
                throw new IllegalArgumentException("condition names service " + code + ", which services.csv lacks");
            }
            return new Service(code);
        }
        if (t.equals("registered")) {
            return new Registered();
        }
        if (t.equals("not_recorded")) {
            return new NotRecorded();
        }
        for (Flag f : Flag.values()) {
            if (t.equals(f.key)) {
                return new Is(f);
            }
        }
        Matcher m = Pattern.compile("(\\w+)\\s*(>=|>)\\s*(\\d+(?:\\.\\d+)?)").matcher(t);
        if (m.matches()) {
            for (Amount a : Amount.values()) {
                if (a.key.equals(m.group(1))) {
                    return new AtLeast(a, Double.parseDouble(m.group(3)), m.group(2).equals(">"));
                }
            }
        }
        throw new IllegalArgumentException("unknown condition '" + t + "': write service:CODE, staffed, stepFree, areaM2>=n, "
                + "capacity>=n, registered or not_recorded, alternatives separated by |");
    }
}
