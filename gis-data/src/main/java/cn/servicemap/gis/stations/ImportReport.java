package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import java.util.List;

/**
 * What an import found: the good rows, the problems with their row number, column and reason,
 * and warnings about the file as a whole (ignored columns, a doubtful coordinate system).
 * A row with several problems is listed once per problem. So that a file full of errors cannot make
 * an answer of megabytes, {@link StationImportCheck} lists only the first
 * {@value StationImportCheck#MAX_LISTED_PROBLEMS} problems and {@value StationImportCheck#MAX_LISTED_WARNINGS}
 * warnings; the others are counted, and a last warning says how many problems were left out.
 *
 * @param coordinateSystem the system the file's coordinates were read in: as declared, else as the file or its columns (a
 *                         POI export's) tell; null only when the file was refused for naming none
 * @param problems         the problems listed, in file order
 * @param unlistedProblems how many more problems were found than are listed
 * @param badRows          rows refused, listed or not (1 when the file itself is refused)
 */
public record ImportReport(String fileName, String format, CoordinateSystem coordinateSystem, int totalRows,
                           List<ImportedRow> goodRows, List<RowProblem> problems, int unlistedProblems, int badRows,
                           List<String> warnings) {

    public ImportReport {
        goodRows = List.copyOf(goodRows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if (unlistedProblems < 0 || badRows < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** A report that lists every problem: the bad rows are the distinct row numbers of the problems. */
    public ImportReport(String fileName, String format, CoordinateSystem coordinateSystem, int totalRows,
                        List<ImportedRow> goodRows, List<RowProblem> problems, List<String> warnings) {
        this(fileName, format, coordinateSystem, totalRows, goodRows, problems, 0,
                (int) problems.stream().mapToInt(RowProblem::rowNumber).distinct().count(), warnings);
    }

    /** True when the file itself could not be taken (a missing required column or coordinate system): no row is good then. */
    public boolean fileRejected() {
        return problems.stream().anyMatch(p -> p.code() == ProblemCode.MISSING_COLUMN || p.code() == ProblemCode.MISSING_COORDINATE_SYSTEM);
    }

    /** The same report with one more warning at the end. */
    public ImportReport withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new ImportReport(fileName, format, coordinateSystem, totalRows, goodRows, problems, unlistedProblems, badRows, more);
    }
}
