package cn.servicemap.gis.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.servicemap.gis.crs.CoordinateSystem;

/**
 * Streaming RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF/LF/CR.
 * The delimiter (comma, tab or semicolon; the full-width comma '，' is text) is the one that occurs
 * most often, outside quotes, in the header line. The encoding comes from {@link TextEncoding}: the
 * file is read twice (once to check UTF-8, once to parse), never held in memory.
 *
 * <p>Row numbers count records as a spreadsheet shows them: a record whose quoted field spans three
 * lines is one row; blank records (empty or only delimiters) are skipped but counted. The header is
 * the first non-blank record.
 */
final class CsvRowSource extends AbstractRowSource {

    private static final int HEADER_PEEK_LIMIT_CHARS = 1 << 20;
    private static final char REPLACEMENT = '\uFFFD';

    private final BufferedReader reader;
    private final String encodingLabel;
    private final List<String> headers;
    private final RecordTokenizer tokenizer;
    private int recordNumber;

    private CsvRowSource(BufferedReader reader, String encodingLabel) throws IOException {
        this.reader = reader;
        this.encodingLabel = encodingLabel;
        this.tokenizer = new RecordTokenizer(reader, detectDelimiter(reader));
        List<String> headerFields = null;
        while (headerFields == null) {
            Record record = tokenizer.next();
            if (record == null) {
                throw new IOException("the file has no header row (it is empty)");
            }
            recordNumber++;
            if (!record.isBlank()) {
                headerFields = record.fields();
            }
        }
        this.headers = Cells.headerNames(headerFields);
        if (headers.isEmpty()) {
            throw new IOException("the header row is empty");
        }
    }

    static CsvRowSource open(Path file) throws IOException {
        TextEncoding.Detected encoding = TextEncoding.detect(file);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 64 * 1024);
            return new CsvRowSource(reader, encoding.label());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
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
            recordNumber++;
            if (record.isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>(record.problems());
            var cells = Cells.assemble(headers, record.fields(), problems);
            if (cells.values().stream().anyMatch(v -> v.indexOf(REPLACEMENT) >= 0)) {
                problems.add("the row contains bytes that are not valid " + encodingLabel
                        + " text (shown as \uFFFD): check the file's encoding");
            }
            return new SourceRow(recordNumber, cells, problems);
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

    /** One physical record: its fields and any problems found while splitting it. */
    private record Record(List<String> fields, List<String> problems) {
        boolean isBlank() {
            return problems.isEmpty() && fields.stream().allMatch(String::isBlank);
        }
    }

    /** Splits a character stream into records; one character of look-ahead, no other buffering. */
    private static final class RecordTokenizer {
        private final Reader in;
        private final char delimiter;
        private int pending = -2;

        RecordTokenizer(Reader in, char delimiter) {
            this.in = in;
            this.delimiter = delimiter;
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
            List<String> fields = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                c = read();
                if (c == '"' && field.isEmpty()) {
                    readQuoted(field, problems, fields.size() + 1);
                    c = readAfterQuote(field, problems, fields.size() + 1);
                } else {
                    while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (c == delimiter) {
                    continue;
                }
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                return new Record(fields, problems);
            }
        }

        /** Reads a quoted field's content after the opening quote, up to and including the closing quote. */
        private void readQuoted(StringBuilder field, List<String> problems, int column) throws IOException {
            while (true) {
                int c = read();
                if (c < 0) {
                    problems.add("the quoted value in column " + column + " is not closed before the end of the file");
                    return;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                        continue;
                    }
                    unread(n);
                    return;
                }
                field.append((char) c);
            }
        }

        /** Skips to the end of the field after a closing quote; stray text is kept and reported. */
        private int readAfterQuote(StringBuilder field, List<String> problems, int column) throws IOException {
            int c = read();
            boolean reported = false;
            while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
                if (!Character.isWhitespace(c) && !reported) {
                    problems.add("text after the closing quote in column " + column);
                    reported = true;
                }
                field.append((char) c);
                c = read();
            }
            return c;
        }
    }
}
