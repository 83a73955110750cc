package cn.servicemap.gis.stations;

/**
 * One thing wrong with one field of a station.
 *
 * @param field  the field, or null for a problem with the whole record
 * @param value  the offending value as given (may be null)
 * @param reason Chinese first, then English in brackets
 */
public record FieldProblem(StationField field, String value, ProblemCode code, String reason) {
}
