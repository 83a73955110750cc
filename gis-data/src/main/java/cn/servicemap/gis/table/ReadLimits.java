package cn.servicemap.gis.table;

import java.util.Locale;

/**
 * How far an uploaded file may expand while it is read: a station table ({@link RowSources}), district boundaries
 * ({@link GeoJsonFeatures}) or a census table ({@link RowSources#openCsv(java.io.InputStream, ReadLimits)}). Every
 * reader checks these limits as it goes and refuses a file with a {@link ReadLimitException} as soon as one is
 * passed — at {@link RowSources#open} wherever the reader can see it then (CSV, XLSX, GeoJSON, the
 * header and declared sizes of a Shapefile), otherwise while the rows or features are read — so that a small
 * upload cannot cost gigabytes of memory or minutes of CPU. The limits are far above what a station
 * list needs (a city has hundreds to a few thousand stations; the tests read 100,000 rows), and above what a
 * district or census file of all China needs (about 2,900 counties, 40,000 townships).
 *
 * @param maxUnzippedBytes  bytes: the most that the entries of an .xlsx workbook or a zipped Shapefile may
 *                          inflate to, together. Counted as the bytes are actually inflated, never taken from
 *                          the sizes the zip declares (a declared size larger than the limit is refused
 *                          at once, a smaller one is not believed). Default 256 MiB: a 500,000-row sheet
 *                          is about 150 MB of XML; a zip bomb of 1 MB would otherwise inflate to gigabytes.
 *                          No compression-ratio test: dBASE tables of wide, space-padded text fields
 *                          legitimately compress 50–100 times, and the total bounds the work anyway
 * @param maxZipEntries     entries (files and folders) an .xlsx or .zip may list; default 10,000 (a workbook
 *                          has a few dozen, a Shapefile zip a handful)
 * @param maxRows           data rows: CSV/XLSX rows that are not blank, GeoJSON features (of a station or a
 *                          district file), dBASE records (the record count of the .dbf header, deleted ones
 *                          included); default 500,000
 * @param maxColumns        columns: the header (blank trailing header cells are not counted), the distinct
 *                          property names of a GeoJSON file, the fields of a .dbf; in an XLSX sheet no cell,
 *                          even an empty one, may lie further right, because the sheet reader allocates
 *                          every column up to the rightmost cell of a row. Default 200; a station file has
 *                          about 20
 * @param maxCellChars      characters (UTF-16 code units) in one cell, header name, GeoJSON property name or
 *                          value; default 10,000 (the longest station field takes 500). A CSV quote left open
 *                          turns the rest of the file into one cell and is refused by this limit
 * @param maxNestingDepth   JSON nesting (objects and arrays inside each other) in a GeoJSON file, and element
 *                          nesting in the XML parts of a workbook; default 64 (a point feature needs 4,
 *                          a multipolygon in a FeatureCollection 8)
 * @param maxFeatureValues  JSON values (numbers, strings, arrays, objects, …) in one GeoJSON feature, which
 *                          is held in memory as a tree of about 100 bytes a value; default 1,000,000 (a
 *                          station feature has a few dozen; a district polygon, read as a row problem, a few
 *                          hundred thousand). Not applied to district files: one county of a detailed province
 *                          file may pass it, and {@code maxFileValues} bounds the file
 * @param maxFileValues     JSON values in a whole district boundary file ({@link GeoJsonFeatures}), counted as the
 *                          trees of its features are built; a position {@code [lon, lat]} is three (the array and
 *                          two numbers). Default 30,000,000: 10 million positions, 20 million coordinate numbers.
 *                          The county outlines of a province at full detail have a few million positions (DataV's
 *                          simplified files a few thousand a city), so a real file stays well below; at the limit
 *                          the boundaries read take about 0.5 GB as geometries, and the tree of the largest
 *                          feature about 50 bytes a value while it is converted
 */
public record ReadLimits(long maxUnzippedBytes, int maxZipEntries, int maxRows, int maxColumns, int maxCellChars,
                         int maxNestingDepth, int maxFeatureValues, int maxFileValues) {

    /**
     * The limits uploads are read with: 256 MiB, 10,000 entries, 500,000 rows, 200 columns, 10,000 characters, 64 levels,
     * 1,000,000 values a feature, 30,000,000 values a district file.
     */
    public static final ReadLimits DEFAULTS = new ReadLimits(256L << 20, 10_000, 500_000, 200, 10_000, 64, 1_000_000,
            30_000_000);

    public ReadLimits {
        if (maxUnzippedBytes < 1 || maxZipEntries < 1 || maxRows < 1 || maxColumns < 1 || maxCellChars < 1
                || maxNestingDepth < 1 || maxFeatureValues < 1 || maxFileValues < 1) {
            throw new IllegalArgumentException("every read limit must be positive");
        }
    }

    public ReadLimits withMaxUnzippedBytes(long bytes) {
        return new ReadLimits(bytes, maxZipEntries, maxRows, maxColumns, maxCellChars, maxNestingDepth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxZipEntries(int entries) {
        return new ReadLimits(maxUnzippedBytes, entries, maxRows, maxColumns, maxCellChars, maxNestingDepth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxRows(int rows) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, rows, maxColumns, maxCellChars, maxNestingDepth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxColumns(int columns) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, maxRows, columns, maxCellChars, maxNestingDepth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxCellChars(int chars) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, maxRows, maxColumns, chars, maxNestingDepth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxNestingDepth(int depth) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, maxRows, maxColumns, maxCellChars, depth,
                maxFeatureValues, maxFileValues);
    }

    public ReadLimits withMaxFeatureValues(int values) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, maxRows, maxColumns, maxCellChars, maxNestingDepth,
                values, maxFileValues);
    }

    public ReadLimits withMaxFileValues(int values) {
        return new ReadLimits(maxUnzippedBytes, maxZipEntries, maxRows, maxColumns, maxCellChars, maxNestingDepth,
                maxFeatureValues, values);
    }

    // The messages, Chinese first and English in brackets, as the API shows them.

    ReadLimitException tooManyRows() {
        return new ReadLimitException("表格超过 " + maxRows + " 行数据", "more than " + grouped(maxRows) + " rows");
    }

    ReadLimitException tooManyFeatures() {
        return new ReadLimitException("GeoJSON 的要素超过 " + maxRows + " 个", "the GeoJSON has more than " + grouped(maxRows) + " features");
    }

    ReadLimitException tooManyFileValues() {
        return new ReadLimitException("GeoJSON 中的值超过 " + maxFileValues + " 个（约 " + maxFileValues / 3 + " 个坐标点）",
                "the GeoJSON holds more than " + grouped(maxFileValues) + " values, about " + grouped(maxFileValues / 3L)
                        + " positions");
    }

    ReadLimitException tooManyColumns() {
        return new ReadLimitException("表格列数超过 " + maxColumns + " 列", "more than " + grouped(maxColumns) + " columns");
    }

    ReadLimitException tooManyColumns(String detailZh, String detailEn) {
        return new ReadLimitException("表格列数超过 " + maxColumns + " 列：" + detailZh,
                "more than " + grouped(maxColumns) + " columns: " + detailEn);
    }

    ReadLimitException cellTooLong(String whereZh, String whereEn) {
        return cellTooLong(whereZh, whereEn, "", "");
    }

    ReadLimitException cellTooLong(String whereZh, String whereEn, String hintZh, String hintEn) {
        return new ReadLimitException(whereZh + "超过 " + maxCellChars + " 个字符" + hintZh,
                whereEn + " is longer than " + grouped(maxCellChars) + " characters" + hintEn);
    }

    ReadLimitException unzipsTooLarge(String whatZh, String whatEn) {
        return new ReadLimitException(whatZh + "解压后超过 " + size(maxUnzippedBytes),
                whatEn + " unzips to more than " + size(maxUnzippedBytes));
    }

    ReadLimitException tooManyEntries(String whatZh, String whatEn) {
        return new ReadLimitException(whatZh + "内的文件超过 " + maxZipEntries + " 个",
                whatEn + " holds more than " + grouped(maxZipEntries) + " files");
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 256 MB, 64 KB or 1000 bytes (binary units, as file managers show them). */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
