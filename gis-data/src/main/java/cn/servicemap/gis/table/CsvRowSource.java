package cn.servicemap.gis.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.servicemap.gis.crs.CoordinateSystem;

/**
 * Streaming RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF/LF/CR.
 * The delimiter (comma, tab or semicolon; the full-width comma '，' is text) is the one that occurs
 * most often, outside quotes, in the header line. The encoding comes from {@link TextEncoding}. The
 * file is read three times, streaming, never held in memory: to check the encoding, to check it
 * against the {@link ReadLimits} (so that a file with too many rows, a too wide header or a too long
 * cell is refused at open, before any row is used), and to deliver the rows. A reference table from a stream
 * ({@link #open(InputStream, ReadLimits)}) is read once, in UTF-8.
 *
 * <p>Row numbers count records as a spreadsheet shows them: a record whose quoted field spans three
 * lines is one row; blank records (empty or only delimiters) are skipped but counted. The header is
 * the first non-blank record. Cells right of the header are not kept: the first non-blank one is
 * reported as a read problem of its row.
 */
final class CsvRowSource extends AbstractRowSource {

    private static final int HEADER_PEEK_LIMIT_CHARS = 1 << 20;
    private static final char REPLACEMENT = '\uFFFD';
    /** Characters kept of a cell right of the header, for the read problem that quotes it. */
    private static final int EXTRA_CELL_KEPT_CHARS = 64;

    private final BufferedReader reader;
    private final String encodingLabel;
    private final List<String> headers;
    private final RecordTokenizer tokenizer;
    private final boolean completeRows;

    private CsvRowSource(BufferedReader reader, String encodingLabel, char delimiter, ReadLimits limits,
                         boolean completeRows) throws IOException {
        super(limits);
        this.reader = reader;
        this.encodingLabel = encodingLabel;
        this.completeRows = completeRows;
        this.tokenizer = new RecordTokenizer(reader, delimiter, limits);
        this.headers = readHeader(tokenizer, limits);
    }

    static CsvRowSource open(Path file, ReadLimits limits) throws IOException {
        TextEncoding.Detected encoding = TextEncoding.detect(file);
        char delimiter;
        try (BufferedReader check = reader(file, encoding)) {
            delimiter = detectDelimiter(check);
            RecordTokenizer tokenizer = new RecordTokenizer(check, delimiter, limits);
            readHeader(tokenizer, limits);
            tokenizer.keepColumns(0, false);
            int rows = 0;
            for (Record record = tokenizer.next(); record != null; record = tokenizer.next()) {
                if (!record.isBlank() && ++rows > limits.maxRows()) {
                    throw limits.tooManyRows();
                }
            }
        }
        BufferedReader reader = reader(file, encoding);
        try {
            return new CsvRowSource(reader, encoding.label(), delimiter, limits, false);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * A UTF-8 table from a stream (a BOM is skipped), read once: the header and the cells are checked against the limits
     * as they are read, the number of rows while iterating (a stream cannot be read twice). Unlike an uploaded station
     * file, every row must have as many cells as the header: a shorter one has a read problem too, since a reference
     * table (the census) is written by a program, and a short row is a broken one. Closing the source closes the stream.
     */
    static CsvRowSource open(InputStream in, ReadLimits limits) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new CsvRowSource(reader, "UTF-8", detectDelimiter(reader), limits, true);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static BufferedReader reader(Path file, TextEncoding.Detected encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
            return new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads up to the first non-blank record and makes it the header; afterwards the tokenizer keeps
     * as many cells as the header has columns.
     */
    private static List<String> readHeader(RecordTokenizer tokenizer, ReadLimits limits) throws IOException {
        tokenizer.keepColumns(limits.maxColumns(), true);
        List<String> headerFields = null;
        while (headerFields == null) {
            Record record = tokenizer.next();
            if (record == null) {
                throw new IOException("the file has no header row (it is empty)");
            }
            if (!record.isBlank()) {
                headerFields = record.fields();
            }
        }
        List<String> headers = Cells.headerNames(headerFields, limits);
        if (headers.isEmpty()) {
            throw new IOException("the header row is empty");
        }
        tokenizer.keepColumns(headers.size(), false);
        return headers;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        return "CSV (" + encodingLabel + ")";
    }

    /** CSV files carry no coordinate system. */
    @Override
    public Optional<CoordinateSystem> declaredCoordinateSystem() {
        return Optional.empty();
    }

    @Override
    protected SourceRow readNext() throws IOException {
        while (true) {
            Record record = tokenizer.next();
            if (record == null) {
                return null;
            }
            if (record.isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>(record.problems());
            var cells = Cells.assemble(headers, record.fields(), problems);
            if (record.extraColumn() > 0) {
                problems.add(Cells.extraCell(headers.size(), record.extraColumn(), record.extraValue()));
            }
            if (completeRows && record.fields().size() < headers.size()) {
                problems.add("the row has " + record.fields().size() + " cells, the header " + headers.size() + " columns");
            }
            if (cells.values().stream().anyMatch(v -> v.indexOf(REPLACEMENT) >= 0)) {
                problems.add("the row contains bytes that are not valid " + encodingLabel
                        + " text (shown as \uFFFD): check the file's encoding");
            }
            return new SourceRow(record.number(), cells, problems);
        }
    }

    @Override
    protected void closeResources() throws IOException {
        reader.close();
    }

    /** Counts ',', '\t' and ';' outside quotes in the first non-blank line; ties prefer that order. */
    private static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK_LIMIT_CHARS);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean inQuotes = false;
        boolean sawText = false;
        int read = 0;
        int c;
        while ((c = reader.read()) >= 0 && ++read < HEADER_PEEK_LIMIT_CHARS) {
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (sawText) {
                    break;
                }
            } else if (!inQuotes && c == ',') {
                commas++;
            } else if (!inQuotes && c == '\t') {
                tabs++;
            } else if (!inQuotes && c == ';') {
                semicolons++;
            }
            sawText |= c != '\n' && c != '\r';
        }
        reader.reset();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas && semicolons > tabs) {
            return ';';
        }
        return ',';
    }

    /**
     * One physical record: its row number, the kept cells (at most as many as the tokenizer keeps), the
     * first non-blank cell beyond those (column 0 if none; its value cut short) and any problems found
     * while splitting it.
     */
    private record Record(int number, List<String> fields, int extraColumn, String extraValue, boolean blankCells,
                          List<String> problems) {
        boolean isBlank() {
            return problems.isEmpty() && blankCells;
        }
    }

    /**
     * Splits a character stream into records; one character of look-ahead, no other buffering. Keeps
     * the first {@code keep} cells of a record; of the others only whether they are blank. Refuses a
     * cell longer than {@link ReadLimits#maxCellChars()} as soon as it gets there.
     */
    private static final class RecordTokenizer {
        private final Reader in;
        private final char delimiter;
        private final ReadLimits limits;
        private final StringBuilder field = new StringBuilder();
        private int pending = -2;
        private int recordNumber;
        private int keep;
        private boolean refuseMore;
        private int column;
        private int fieldLength;
        private boolean fieldKept;
        private boolean fieldNonBlank;

        RecordTokenizer(Reader in, char delimiter, ReadLimits limits) {
            this.in = in;
            this.delimiter = delimiter;
            this.limits = limits;
        }

        /**
         * From the next record on, keeps {@code columns} cells; with {@code refuseMore} a non-blank cell
         * beyond them refuses the file (the header).
         */
        void keepColumns(int columns, boolean refuseMore) {
            this.keep = columns;
            this.refuseMore = refuseMore;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        private void unread(int c) {
            pending = c;
        }

        /** The next record, or null at end of input. */
        Record next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            unread(c);
            recordNumber++;
            List<String> fields = new ArrayList<>(Math.min(keep, 32));
            List<String> problems = new ArrayList<>(0);
            boolean blank = true;
            int extraColumn = 0;
            String extraValue = null;
            column = 0;
            while (true) {
                column++;
                field.setLength(0);
                fieldLength = 0;
                fieldKept = column <= keep;
                fieldNonBlank = false;
                c = read();
                if (c == '"') {
                    readQuoted(problems);
                    c = readAfterQuote(problems);
                } else {
                    while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        append(c, false);
                        c = read();
                    }
                }
                if (fieldKept) {
                    fields.add(field.toString());
                } else if (fieldNonBlank) {
                    if (refuseMore) {
                        throw limits.tooManyColumns();
                    }
                    if (extraColumn == 0) {
                        extraColumn = column;
                        extraValue = field.toString();
                    }
                }
                blank &= !fieldNonBlank;
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                return new Record(recordNumber, fields, extraColumn, extraValue, blank, problems);
            }
        }

        private void append(int c, boolean quoted) throws ReadLimitException {
            if (++fieldLength > limits.maxCellChars()) {
                String where = "第 " + recordNumber + " 行第 " + column + " 列的单元格";
                String whereEn = "the cell in row " + recordNumber + ", column " + column;
                throw quoted
                        ? limits.cellTooLong(where, whereEn, "，可能是引号没有闭合", ": perhaps a quote is not closed")
                        : limits.cellTooLong(where, whereEn);
            }
            fieldNonBlank |= !Character.isWhitespace(c);
            if (fieldKept || field.length() < EXTRA_CELL_KEPT_CHARS) {
                field.append((char) c);
            }
        }

        /** Reads a quoted field's content after the opening quote, up to and including the closing quote. */
        private void readQuoted(List<String> problems) throws IOException {
            while (true) {
                int c = read();
                if (c < 0) {
                    problems.add("the quoted value in column " + column + " is not closed before the end of the file");
                    return;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append('"', true);
                        continue;
                    }
                    unread(n);
                    return;
                }
                append(c, true);
            }
        }

        /** Skips to the end of the field after a closing quote; stray text is kept and reported. */
        private int readAfterQuote(List<String> problems) throws IOException {
            int c = read();
            boolean reported = false;
            while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                if (!Character.isWhitespace(c) && !reported) {
                    problems.add("text after the closing quote in column " + column);
                    reported = true;
                }
                append(c, false);
                c = read();
            }
            return c;
        }
    }
}
