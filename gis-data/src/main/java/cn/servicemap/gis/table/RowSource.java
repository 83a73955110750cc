package cn.servicemap.gis.table;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import cn.servicemap.gis.crs.CoordinateSystem;

/**
 * A streaming, single-pass view of the rows of one tabular station file (CSV, XLSX, GeoJSON or a
 * zipped Shapefile), opened with {@link RowSources#open}. Rows are read lazily while iterating, so
 * memory does not grow with the number of rows.
 *
 * <p>Like {@link java.nio.file.DirectoryStream}: {@link #iterator()} may be called once; a second
 * call, or a call after {@link #close()}, throws {@link IllegalStateException}. An I/O error while
 * iterating surfaces as {@link java.io.UncheckedIOException}. Problems confined to one row are
 * reported in {@link SourceRow#readProblems()} and iteration continues. Not thread-safe.
 */
public interface RowSource extends Iterable<SourceRow>, AutoCloseable {

    /**
     * Column names in file order. For GeoJSON and Shapefile: the property/field names followed by
     * {@code "lon"} and {@code "lat"} (not repeated when a property already has that name).
     */
    List<String> headers();

    /** What was read, for messages: "CSV (UTF-8)", "CSV (GBK)", "CSV (UTF-16LE)", "XLSX", "GeoJSON", "Shapefile". */
    String format();

    /**
     * The coordinate system the file declares: from a Shapefile's .prj or a GeoJSON {@code "crs"}
     * member; empty when the file declares none (then the importer must ask the user).
     */
    Optional<CoordinateSystem> declaredCoordinateSystem();

    /**
     * The national grid the reader converted the points from (a Shapefile's Gauss–Krüger .prj, …), in words, with how
     * exact that is; empty when the points are as the file has them.
     */
    default Optional<String> convertedFrom() {
        return Optional.empty();
    }

    /** The rows after the header, in file order. May be called once. */
    @Override
    Iterator<SourceRow> iterator();

    @Override
    void close() throws IOException;
}
