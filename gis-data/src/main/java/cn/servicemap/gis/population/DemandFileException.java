package cn.servicemap.gis.population;

import java.io.IOException;
import java.util.List;

/**
 * A file of demand points is refused, as a whole: a column is missing, the coordinate system is unknown or two
 * declarations disagree, or rows hold values that are not numbers, not finite, out of range or negative weights. Nothing
 * of the file is used, since a demand surface missing some of its points would misstate every share computed from it.
 * The message is for the user, Chinese first and English in brackets, and names the first problems with their row
 * numbers; {@link #problems()} lists them all (up to {@value #MAX_LISTED}).
 */
public final class DemandFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Problems listed; more are only counted. */
    public static final int MAX_LISTED = 1000;
    /** Problems quoted in the message. */
    static final int IN_MESSAGE = 5;

    private final List<String> problems;
    private final int problemCount;

    DemandFileException(String messageZh, String messageEn) {
        super(messageZh + " (" + messageEn + ")");
        this.problems = List.of(messageZh + " (" + messageEn + ")");
        this.problemCount = 1;
    }

    /** @param problems the problems, each "第 3 行：… (row 3: …)", at most {@value #MAX_LISTED} */
    DemandFileException(List<String> problems, int problemCount) {
        super("需求点文件有 " + problemCount + " 处问题，未使用 (the demand point file has " + problemCount
                + (problemCount == 1 ? " problem" : " problems") + " and was not used): "
                + String.join("; ", problems.subList(0, Math.min(IN_MESSAGE, problems.size())))
                + (problemCount > IN_MESSAGE ? "; …" : ""));
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** Every problem found, each naming its row where it has one, at most {@value #MAX_LISTED}. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems there were, listed or not. */
    public int problemCount() {
        return problemCount;
    }
}
