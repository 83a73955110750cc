package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Opens uploaded station files as {@link RowSource}s, choosing the reader by the extension of the
 * name the user gave the file (uploads are usually stored under a temporary name).
 *
 * <table>
 *   <caption>Supported files</caption>
 *   <tr><th>extension</th><th>read as</th></tr>
 *   <tr><td>.csv, .txt</td><td>delimited text (comma, tab or semicolon), UTF-8/UTF-16 with BOM, UTF-8 or GBK</td></tr>
 *   <tr><td>.xlsx</td><td>first sheet of an Excel 2007+ workbook</td></tr>
 *   <tr><td>.geojson, .json</td><td>GeoJSON FeatureCollection or Feature with points</td></tr>
 *   <tr><td>.zip</td><td>one point Shapefile (.shp + .dbf, optionally .prj, .cpg)</td></tr>
 * </table>
 *
 * <p>All readers stream: memory does not grow with the number of rows. CSV and GeoJSON files are
 * read more than once (encoding and limit check or header survey, then rows), and an .xlsx is checked
 * before it is opened, so {@code file} must be a regular file.
 *
 * <p>What a file may expand to is bounded by {@link ReadLimits}: rows, columns, cell length, unzipped
 * bytes, nesting. A file beyond them is refused with a {@link ReadLimitException} whose message is
 * meant for the user — at open where the reader can tell then, else while iterating.
 */
public final class RowSources {

    private RowSources() {
    }

    /**
     * Opens a comma-, tab- or semicolon-separated table in UTF-8 (a BOM is skipped) from a stream, for reference tables
     * such as the census; the caller must close the returned source, which closes the stream. Read once: the header, the
     * columns and the length of every cell are checked against {@code limits} as the reader gets there (a
     * {@link ReadLimitException}), the number of rows while iterating (the row after {@link ReadLimits#maxRows()} throws an
     * {@link java.io.UncheckedIOException} around a {@link ReadLimitException}). Every row must have as many cells as the
     * header: a shorter or longer one, bytes that are not UTF-8 and quotes not closed are read problems of the row.
     *
     * @throws IOException a {@link ReadLimitException} if the header goes beyond {@code limits}; else if the stream is
     *                     empty, the header blank or two columns have the same name, or the stream cannot be read
     */
    public static RowSource openCsv(InputStream csv, ReadLimits limits) throws IOException {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(limits, "limits");
        return CsvRowSource.open(csv, limits);
    }

    /** Opens a station file with the {@link ReadLimits#DEFAULTS default limits}; see {@link #open(Path, String, ReadLimits)}. */
    public static RowSource open(Path file, String originalFileName) throws IOException {
        return open(file, originalFileName, ReadLimits.DEFAULTS);
    }

    /**
     * Opens a station file. The caller must close the returned source.
     *
     * @param file             the file on disk
     * @param originalFileName the name the user uploaded it as, used only for its extension
     *                         (null: use the name of {@code file})
     * @throws IllegalArgumentException if the extension is not supported (.xls, a lone .shp or .dbf,
     *                                  anything else); the message says what to do instead
     * @throws IOException              if the file cannot be read as its extension promises (damaged,
     *                                  empty, duplicate headers, polygons, a projected .prj, …); the
     *                                  message is meant for the user; a {@link ReadLimitException} if it goes
     *                                  beyond {@code limits}
     */
    public static RowSource open(Path file, String originalFileName, ReadLimits limits) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        String name = originalFileName == null || originalFileName.isBlank()
                ? String.valueOf(file.getFileName()) : originalFileName.strip();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "csv", "txt", "tsv" -> CsvRowSource.open(file, limits);
            case "xlsx", "xlsm" -> XlsxRowSource.open(file, limits);
            case "geojson", "json" -> GeoJsonRowSource.open(file, limits);
            case "zip" -> ShapefileRowSource.open(file, limits);
            case "xls", "et" -> throw new IllegalArgumentException("'" + name + "' is an old-format Excel/WPS file, "
                    + "which cannot be read: open it and save as .xlsx or .csv");
            case "shp", "dbf", "shx", "prj", "cpg" -> throw new IllegalArgumentException("'" + name
                    + "' is only one part of a Shapefile: put the .shp, .shx, .dbf, .prj and .cpg files of the layer "
                    + "into one .zip and upload that");
            default -> throw new IllegalArgumentException("cannot read '" + name + "': "
                    + (extension.isEmpty() ? "the name has no extension" : "files of type ." + extension
                    + " are not supported") + "; use .csv, .txt, .xlsx, .geojson, .json or a zipped Shapefile (.zip)");
        };
    }
}
