package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import java.util.List;

/**
 * What an import found: the good rows, every problem with its row number, column and reason,
 * and warnings about the file as a whole (ignored columns, a doubtful coordinate system).
 * A row with several problems is listed once per problem; {@link #badRows()} counts rows.
 */
public record ImportReport(String fileName, String format, CoordinateSystem coordinateSystem, int totalRows,
                           List<ImportedRow> goodRows, List<RowProblem> problems, List<String> warnings) {

    public ImportReport {
        goodRows = List.copyOf(goodRows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public int badRows() {
        return (int) problems.stream().mapToInt(RowProblem::rowNumber).distinct().count();
    }

    /** True when the file itself could not be taken (a missing required column): no row is good then. */
    public boolean fileRejected() {
        return problems.stream().anyMatch(p -> p.code() == ProblemCode.MISSING_COLUMN);
    }
}
