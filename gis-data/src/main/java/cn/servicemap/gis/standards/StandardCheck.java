package cn.servicemap.gis.standards;

import java.util.List;

/**
 * A station against a standard: each item met, missing or unknown (需现场核实) as its registry record tells
 * ({@link Condition#test}). A station is below standard when an item is missing; unknown items do not make it so, they
 * are to be checked on site.
 */
public final class StandardCheck {

    /** One item and its verdict. */
    public record Outcome(StandardItem item, Verdict verdict) {
    }

    /**
     * The verdicts on every item, in the standard's order.
     *
     * @param code the standard (or star level) checked
     */
    public record Result(String code, List<Outcome> outcomes) {

        public Result {
            outcomes = List.copyOf(outcomes);
        }

        public List<StandardItem> met() {
            return with(Verdict.MET);
        }

        public List<StandardItem> missing() {
            return with(Verdict.MISSING);
        }

        public List<StandardItem> unknown() {
            return with(Verdict.UNKNOWN);
        }

        /** Whether an item is missing. */
        public boolean belowStandard() {
            return outcomes.stream().anyMatch(o -> o.verdict() == Verdict.MISSING);
        }

        /** MISSING if an item is missing, else UNKNOWN if one is unknown, else MET. */
        public Verdict verdict() {
            return belowStandard() ? Verdict.MISSING : outcomes.stream().anyMatch(o -> o.verdict() == Verdict.UNKNOWN)
                    ? Verdict.UNKNOWN : Verdict.MET;
        }

        private List<StandardItem> with(Verdict v) {
            return outcomes.stream().filter(o -> o.verdict() == v).map(Outcome::item).toList();
        }
    }

    private StandardCheck() {
    }

    public static Result check(FacilityStandard standard, StationFacts station) {
        return check(standard.code(), standard.items(), station);
    }

    static Result check(String code, List<StandardItem> items, StationFacts station) {
        return new Result(code, items.stream().map(i -> new Outcome(i, i.condition().test(station))).toList());
    }
}
