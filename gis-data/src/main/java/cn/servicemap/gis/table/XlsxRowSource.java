package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import cn.servicemap.gis.crs.CoordinateSystem;

/**
 * Streaming reader of the first sheet of an .xlsx workbook (fastexcel-reader, StAX). The first row
 * with any non-blank cell is the header; row numbers are Excel's. Values are rendered as text:
 * numbers as plain decimals with at most 15 significant digits, as Excel shows them (118.7654321,
 * 12 — not 12.0, never an exponent); cells with a date format as {@code yyyy-MM-dd}, times as
 * {@code HH:mm} ({@code HH:mm:ss} when seconds are set), date-times as {@code yyyy-MM-dd'T'HH:mm};
 * booleans as {@code true}/{@code false}; formulas by their cached result. Other display formats
 * (percent, currency, thousands separators) are not applied: 50% is read as 0.5.
 *
 * <p>The sheet reader has no limits of its own, so {@link XlsxPrecheck} checks the workbook against
 * the {@link ReadLimits} before it is opened. Whatever the sheet reader still throws (a damaged part, a
 * bad cell reference) is reported as a damaged workbook, without the library's message.
 */
final class XlsxRowSource extends AbstractRowSource {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /** 9999-12-31, the last date Excel shows; a larger number with a date format is shown as a number. */
    private static final BigDecimal MAX_SERIAL = BigDecimal.valueOf(2_958_466);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ReadableWorkbook workbook;
    private final Stream<Row> rowStream;
    private final Iterator<Row> rows;
    private final List<String> headers;

    private XlsxRowSource(ReadableWorkbook workbook, ReadLimits limits) throws IOException {
        super(limits);
        this.workbook = workbook;
        List<String> headerValues = null;
        try {
            this.rowStream = workbook.getFirstSheet().openStream();
            this.rows = rowStream.iterator();
            while (headerValues == null && rows.hasNext()) {
                List<String> values = values(rows.next(), new ArrayList<>());
                if (values.stream().anyMatch(v -> !v.isBlank())) {
                    headerValues = values;
                }
            }
        } catch (IOException | RuntimeException e) { // no sheet, a damaged part, a bad reference or number in the XML
            throw damaged(e);
        }
        if (headerValues == null) {
            throw new IOException("the first sheet of the workbook is empty: no header row");
        }
        this.headers = Cells.headerNames(headerValues, limits);
    }

    static XlsxRowSource open(Path file, ReadLimits limits) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            throw new IOException("this is an old binary Excel file (.xls) although it is named .xlsx: "
                    + "open it in Excel or WPS and save as .xlsx or .csv");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
            throw new IOException("this is not an .xlsx workbook (it is not a zip package)");
        }
        XlsxPrecheck.check(file, limits);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
        } catch (IOException | RuntimeException e) {
            throw damaged(e);
        }
        try {
            return new XlsxRowSource(workbook, limits);
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw e;
        }
    }

    /** A failure of the sheet reader, told without its message (which names its classes and parts). */
    private static IOException damaged(Exception cause) {
        IOException e = XlsxPrecheck.damaged();
        e.initCause(cause);
        return e;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        return "XLSX";
    }

    /** Workbooks carry no coordinate system. */
    @Override
    public Optional<CoordinateSystem> declaredCoordinateSystem() {
        return Optional.empty();
    }

    @Override
    protected SourceRow readNext() throws IOException {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                List<String> problems = new ArrayList<>();
                List<String> values = values(row, problems);
                if (problems.isEmpty() && values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                return new SourceRow(row.getRowNum(), Cells.assemble(headers, values, problems), problems);
            }
            return null;
        } catch (RuntimeException e) { // ExcelReaderException, or a bad reference or number in the XML
            throw damaged(e);
        }
    }

    @Override
    protected void closeResources() throws IOException {
        try {
            rowStream.close();
        } finally {
            workbook.close();
        }
    }

    private List<String> values(Row row, List<String> problems) {
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? "" : text(cell, problems));
        }
        return values;
    }

    private String text(Cell cell, List<String> problems) {
        Object value = cell.getValue();
        switch (cell.getType()) {
            case EMPTY:
                return "";
            case ERROR:
                problems.add("cell " + cell.getAddress() + " holds the error " + Cells.abbreviate(String.valueOf(cell.getRawValue())));
                return "";
            default:
                break;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number(number, cell);
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        return value.toString().strip();
    }

    private String number(BigDecimal number, Cell cell) {
        DateKind kind = DateKind.of(cell.getDataFormatId(), cell.getDataFormatString());
        if (kind != DateKind.NONE && number.signum() >= 0 && number.compareTo(MAX_SERIAL) <= 0) {
            LocalDateTime dateTime = excelDateTime(number, workbook.isDate1904());
            boolean withSeconds = dateTime.getSecond() != 0;
            return switch (kind) {
                case DATE -> dateTime.toLocalDate().toString();
                case TIME -> dateTime.format(withSeconds ? HH_MM_SS : HH_MM);
                case DATE_TIME -> dateTime.toLocalDate() + "T" + dateTime.format(withSeconds ? HH_MM_SS : HH_MM);
                case NONE -> throw new IllegalStateException();
            };
        }
        return Cells.decimal(number.round(EXCEL_PRECISION));
    }

    /** Excel serial day number to date-time, rounded to the second (1900 system with its 1900-02-29 bug, or 1904). */
    static LocalDateTime excelDateTime(BigDecimal serial, boolean date1904) {
        long seconds = serial.multiply(BigDecimal.valueOf(86_400)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long days = Math.floorDiv(seconds, 86_400);
        long secondOfDay = Math.floorMod(seconds, 86_400);
        LocalDate epoch;
        if (date1904) {
            epoch = LocalDate.of(1904, 1, 1);
        } else {
            epoch = days < 61 ? LocalDate.of(1899, 12, 31) : LocalDate.of(1899, 12, 30);
        }
        return epoch.plusDays(days).atStartOfDay().plusSeconds(secondOfDay);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // already failing; the first exception is the one to report
            }
        }
    }

    /** What a number format shows: a date, a time of day, both, or a plain number. */
    enum DateKind {
        NONE, DATE, TIME, DATE_TIME;

        static DateKind of(Integer formatId, String formatCode) {
            if (formatId != null && formatId < 164) {
                return builtIn(formatId);
            }
            if (formatCode == null) {
                return NONE;
            }
            String code = formatCode
                    .replaceAll("\"[^\"]*\"", "")          // quoted literals such as "年"
                    .replaceAll("\\\\.", "")                // escaped characters
                    .replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "") // [Red], [$-804], keep [h] [mm] [ss]
                    .replaceAll("(?i)general", "")
                    .toLowerCase(Locale.ROOT);
            int section = code.indexOf(';');
            if (section >= 0) {
                code = code.substring(0, section);
            }
            boolean date = code.indexOf('y') >= 0 || code.indexOf('d') >= 0;
            boolean time = code.indexOf('h') >= 0 || code.indexOf('s') >= 0;
            if (!date && !time && code.indexOf('m') >= 0) {
                date = true; // "mmm" alone is a month
            }
            return date ? (time ? DATE_TIME : DATE) : (time ? TIME : NONE);
        }

        /** ECMA-376 built-in formats, including the zh-CN ones (27–36, 50–58). */
        private static DateKind builtIn(int id) {
            if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54)
                    || id == 57 || id == 58) {
                return DATE;
            }
            if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47) || (id >= 32 && id <= 35) || id == 55 || id == 56) {
                return TIME;
            }
            return id == 22 ? DATE_TIME : NONE;
        }
    }
}
