package cn.servicemap.gis.standards;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to which star a station's registry record supports a grade under a scheme: a suggestion to set beside the grade
 * the city's reviewers gave, never a grade itself.
 *
 * <p>Levels are cumulative. Walking up from 1★, the first listed level with a criterion the record shows
 * {@link Verdict#MISSING} stops the walk: the supported grade is the level below it (0 when 1★ already fails); when no
 * level fails it is {@value StarScheme#MAX_STARS}. Criteria the record cannot tell ({@link Verdict#UNKNOWN}: not
 * recorded, or never kept in a registry) do not stop it; they are listed to be checked on site. Levels a scheme does not
 * list ask nothing more than the levels below them — with the 福州 data, where only 4★ and 5★ criteria were found, the
 * suggestion says "not contradicted" rather than "earned".
 */
public final class StarCriteria {

    /**
     * The evaluation of one station.
     *
     * @param scheme         the scheme's code
     * @param supportedStars 0–5: the highest grade no listed criterion contradicts
     * @param toVerify       criteria up to the supported grade the record cannot tell (需现场核实)
     * @param missingForNext the missing criteria of the level that stopped the walk (empty at 5★)
     * @param levels         each listed level's verdicts
     */
    public record Evaluation(String scheme, int supportedStars, List<StandardItem> toVerify, List<StandardItem> missingForNext,
                             List<StandardCheck.Result> levels) {
        public Evaluation {
            toVerify = List.copyOf(toVerify);
            missingForNext = List.copyOf(missingForNext);
            levels = List.copyOf(levels);
        }
    }

    private StarCriteria() {
    }

    public static Evaluation evaluate(StarScheme scheme, StationFacts station) {
        List<StandardCheck.Result> levels = new ArrayList<>();
        List<StandardItem> toVerify = new ArrayList<>();
        List<StandardItem> missing = List.of();
        int supported = StarScheme.MAX_STARS;
        boolean stopped = false;
        for (StarScheme.Level level : scheme.levels()) {
            StandardCheck.Result r = StandardCheck.check(level.stars() + "★", level.criteria(), station);
            levels.add(r);
            if (!stopped) {
                if (r.belowStandard()) {
                    stopped = true;
                    supported = level.stars() - 1;
                    missing = r.missing();
                } else {
                    toVerify.addAll(r.unknown());
                }
            }
        }
        return new Evaluation(scheme.code(), supported, toVerify, missing, levels);
    }
}
