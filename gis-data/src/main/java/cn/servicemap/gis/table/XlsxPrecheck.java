package cn.servicemap.gis.table;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.stax.InputFactoryImpl;

/**
 * Checks an .xlsx against the {@link ReadLimits} before the sheet reader (fastexcel-reader, which has
 * no limits of its own) opens it, so that what it would expand to is refused before it is built:
 *
 * <ul>
 *   <li>every entry is inflated once through a {@link ZipBudget} (total unzipped bytes, entry count,
 *       compression methods); entries with the same name, which zip readers resolve differently, are
 *       refused;</li>
 *   <li>the parts the sheet reader parses — [Content_Types].xml, the workbook, its relationships, the
 *       styles, the shared strings and the first sheet, found as the sheet reader finds them — are parsed
 *       here first, with the sheet reader's own StAX parser (Aalto), behind a byte-level guard that refuses
 *       a DTD, a non-UTF-8 encoding, and any tag, text, comment or processing instruction longer than about
 *       ten times {@link ReadLimits#maxCellChars()} bytes, since the parser holds each of those whole in
 *       memory; elements may nest {@link ReadLimits#maxNestingDepth()} deep;</li>
 *   <li>in the shared strings, no text may be longer than {@link ReadLimits#maxCellChars()};</li>
 *   <li>in the first sheet: no cell right of column {@link ReadLimits#maxColumns()} (the sheet reader
 *       allocates every column up to the rightmost cell of every row, and a reference such as ZZZZZZ1 would
 *       be hundreds of millions), no cell text longer than {@link ReadLimits#maxCellChars()}, no more than
 *       {@link ReadLimits#maxRows()} rows with text below the first, no shared-string index beyond the
 *       table (the sheet reader would fill the gap with empty strings), at most
 *       {@value #MAX_ARRAY_FORMULAS} array formulas (the sheet reader compares every cell with every one).</li>
 * </ul>
 *
 * All entries are inflated and counted first, then the parts are parsed (the budget counts a part read
 * twice once). This costs two more inflations and one more XML parse of the workbook: for a 100,000-row
 * sheet a fraction of a second; a zip bomb is refused after inflating at most the budget.
 */
final class XlsxPrecheck {

    /** Array formulas in the first sheet: the sheet reader checks each of them for every cell it reads. */
    static final int MAX_ARRAY_FORMULAS = 100;

    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Set<String> WORKBOOK_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    private static final String SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final Pattern FILE_NAME = Pattern.compile("^(.*/)([^/]+)$");

    private final ZipFile zip;
    private final ReadLimits limits;
    private final ZipBudget budget;
    private final Map<String, ZipEntry> byLowerName = new HashMap<>();
    private final XMLInputFactory xml;
    private int sharedStrings = -1;

    private XlsxPrecheck(ZipFile zip, ReadLimits limits) throws IOException {
        this.zip = zip;
        this.limits = limits;
        this.budget = new ZipBudget(zip, limits, "工作簿", "the workbook");
        this.xml = new InputFactoryImpl(); // as fastexcel-reader configures it
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /**
     * @throws ReadLimitException if the workbook goes beyond a limit
     * @throws IOException        if it is not a readable zip, or the parts the sheet reader needs are damaged
     */
    static void check(Path file, ReadLimits limits) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | IllegalArgumentException e) {
            throw damaged();
        }
        try (zip) {
            new XlsxPrecheck(zip, limits).run();
        } catch (ZipException | EOFException | RuntimeException e) { // damaged data; the message is a library's
            IOException damaged = damaged();
            damaged.initCause(e);
            throw damaged;
        }
    }

    static IOException damaged() {
        return new IOException("工作簿已损坏，无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传 "
                + "(the workbook is damaged: open it in Excel or WPS, save it as .xlsx and upload that)");
    }

    private void run() throws IOException {
        List<ZipEntry> entries = new ArrayList<>();
        try {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                budget.checkMethod(entry);
                if (byLowerName.put(entry.getName().toLowerCase(Locale.ROOT), entry) != null) {
                    throw damaged();
                }
                entries.add(entry);
            }
        } catch (IllegalArgumentException e) { // an entry name that is not UTF-8
            throw damaged();
        }
        // first only inflate and count, which is fast (a zip bomb is refused after at most the budget's bytes);
        // the parts parsed afterwards are read again, which the budget does not count twice
        for (ZipEntry entry : entries) {
            budget.drain(entry);
        }
        Parts parts = resolveParts();
        ZipEntry sst = parts.sharedStrings == null ? null : byLowerName.get(parts.sharedStrings);
        if (sst != null) {
            scan(sst, Kind.SHARED_STRINGS);
        }
        ZipEntry sheet = parts.firstSheet == null ? null : byLowerName.get(parts.firstSheet);
        if (sheet != null) {
            scan(sheet, Kind.SHEET);
        }
        for (String name : parts.otherXml) {
            ZipEntry entry = byLowerName.get(name);
            if (entry != null && entry != sst && entry != sheet) {
                scan(entry, Kind.OTHER_XML);
            }
        }
    }

    /** The lower-case entry names of the parts the sheet reader parses; null where it would find none. */
    private record Parts(String sharedStrings, String firstSheet, Set<String> otherXml) {
    }

    /**
     * Finds the parts as fastexcel-reader 0.20 does: the content types name the workbook (default
     * /xl/workbook.xml), the shared strings and the styles; the workbook's relationships map the id of
     * its first sheet to the sheet's part. Where the sheet reader would fail (a part missing), no part
     * is returned and the sheet reader fails later.
     */
    private Parts resolveParts() throws IOException {
        Set<String> otherXml = new LinkedHashSet<>();
        ZipEntry contentTypes = byLowerName.get("[content_types].xml");
        if (contentTypes == null) {
            return new Parts(null, null, otherXml);
        }
        otherXml.add(contentTypes.getName().toLowerCase(Locale.ROOT));
        String workbook = null;
        String sharedStrings = null;
        String styles = null;
        try (InputStream in = guarded(contentTypes)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Override".equals(r.getLocalName())) {
                    String type = required(r, "ContentType");
                    if (WORKBOOK_TYPES.contains(type)) {
                        workbook = required(r, "PartName");
                    } else if (SHARED_STRINGS_TYPE.equals(type)) {
                        sharedStrings = required(r, "PartName");
                    } else if (STYLES_TYPE.equals(type)) {
                        styles = required(r, "PartName");
                    }
                    if (workbook != null && sharedStrings != null && styles != null) {
                        break;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw unwrap(e);
        }
        if (workbook == null) {
            workbook = "/xl/workbook.xml";
        }
        if (styles != null) {
            otherXml.add(entryName(styles));
        }
        String relsName = FILE_NAME.matcher(workbook).replaceFirst("$1_rels/$2.rels");
        int relsFolder = relsName.indexOf("_rel");
        ZipEntry workbookEntry = byLowerName.get(entryName(workbook));
        ZipEntry relsEntry = byLowerName.get(entryName(relsName));
        if (workbookEntry == null || relsEntry == null || relsFolder < 0) {
            return new Parts(sharedStrings == null ? null : entryName(sharedStrings), null, otherXml);
        }
        otherXml.add(entryName(workbook));
        otherXml.add(entryName(relsName));
        String firstSheetId = null;
        boolean sawSheet = false;
        try (InputStream in = guarded(workbookEntry)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            boolean inSheets = false;
            while (r.hasNext() && !sawSheet) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT && "sheets".equals(r.getLocalName())) {
                    inSheets = true;
                } else if (event == XMLStreamConstants.END_ELEMENT && "sheets".equals(r.getLocalName())) {
                    inSheets = false;
                } else if (inSheets && event == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                    firstSheetId = r.getAttributeValue(RELATIONSHIPS_NS, "id");
                    sawSheet = true;
                }
            }
        } catch (XMLStreamException e) {
            throw unwrap(e);
        }
        Map<String, String> targets = new HashMap<>();
        String folder = relsName.substring(0, relsFolder);
        try (InputStream in = guarded(relsEntry)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                    String target = r.getAttributeValue(null, "Target");
                    if (target == null) {
                        throw damaged();
                    }
                    targets.put(r.getAttributeValue(null, "Id"), target.startsWith("/") ? target : folder + target);
                }
            }
        } catch (XMLStreamException e) {
            throw unwrap(e);
        }
        String sheet = sawSheet ? targets.get(firstSheetId) : null;
        return new Parts(sharedStrings == null ? null : entryName(sharedStrings), sheet == null ? null : entryName(sheet),
                otherXml);
    }

    private static String required(XMLStreamReader r, String attribute) throws IOException {
        String value = r.getAttributeValue(null, attribute);
        if (value == null) {
            throw damaged();
        }
        return value;
    }

    /** A part name as the sheet reader looks it up: one leading '/' dropped, case ignored. */
    private static String entryName(String partName) {
        return (partName.startsWith("/") ? partName.substring(1) : partName).toLowerCase(Locale.ROOT);
    }

    private enum Kind { SHARED_STRINGS, SHEET, OTHER_XML }

    /** Parses a whole part, checking what its kind calls for. */
    private void scan(ZipEntry entry, Kind kind) throws IOException {
        try (InputStream in = guarded(entry)) {
            XMLStreamReader r = xml.createXMLStreamReader(in);
            switch (kind) {
                case SHARED_STRINGS -> scanSharedStrings(r);
                case SHEET -> scanSheet(r);
                default -> scanOther(r);
            }
        } catch (XMLStreamException e) {
            throw unwrap(e);
        }
    }

    private void scanOther(XMLStreamReader r) throws XMLStreamException, IOException {
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth = deeper(depth);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Counts the strings as the sheet reader does (an si inside an si is not one) and measures each. */
    private void scanSharedStrings(XMLStreamReader r) throws XMLStreamException, IOException {
        int depth = 0;
        int count = 0;
        boolean inString = false;
        long chars = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth = deeper(depth);
                    if (!inString && "si".equals(r.getLocalName())) {
                        inString = true;
                        chars = 0;
                        count++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if ("si".equals(r.getLocalName())) {
                        inString = false;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inString && (chars += r.getTextLength()) > limits.maxCellChars()) {
                        throw limits.cellTooLong("工作簿第 " + count + " 个共享文本", "shared text " + count + " of the workbook");
                    }
                }
                default -> {
                    // nothing to check
                }
            }
        }
        sharedStrings = count;
    }

    private void scanSheet(XMLStreamReader r) throws XMLStreamException, IOException {
        int depth = 0;
        long rowsWithText = 0;
        boolean rowHasText = false;
        int trackedRow = 0;
        long trackedColumn = 0;
        String rowLabel = "1";
        boolean inCell = false;
        String cellRef = null;
        long cellChars = 0;
        boolean cellHasText = false;
        boolean sharedStringCell = false;
        int valueDepth = 0;
        boolean valueSeen = false;
        StringBuilder value = new StringBuilder();
        int arrayFormulas = 0;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth = deeper(depth);
                    String name = r.getLocalName();
                    if ("row".equals(name)) {
                        String rowNumber = r.getAttributeValue(null, "r");
                        rowLabel = rowNumber != null ? Cells.abbreviate(rowNumber) : String.valueOf(trackedRow + 1);
                        trackedRow++;
                        trackedColumn = 0;
                        rowHasText = false;
                    } else if ("c".equals(name)) {
                        String ref = r.getAttributeValue(null, "r");
                        long column = ref == null ? trackedColumn : column(ref);
                        if (column >= limits.maxColumns()) {
                            throw tooFarRight(ref, column, rowLabel);
                        }
                        trackedColumn = column + 1;
                        inCell = true;
                        cellRef = ref == null ? null : Cells.abbreviate(ref);
                        cellChars = 0;
                        cellHasText = false;
                        sharedStringCell = "s".equals(r.getAttributeValue(null, "t"));
                        valueSeen = false;
                        valueDepth = 0;
                        value.setLength(0);
                    } else if (inCell && "v".equals(name) && !valueSeen && valueDepth == 0) {
                        valueDepth = depth;
                    } else if ("f".equals(name) && "array".equals(r.getAttributeValue(null, "t"))
                            && ++arrayFormulas > MAX_ARRAY_FORMULAS) {
                        throw new ReadLimitException("表格中的数组公式超过 " + MAX_ARRAY_FORMULAS + " 个，请先把公式转换为数值",
                                "the sheet has more than " + MAX_ARRAY_FORMULAS + " array formulas: replace the formulas by their values first");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = r.getLocalName();
                    if (valueDepth == depth && "v".equals(name)) {
                        valueDepth = 0;
                        valueSeen = true;
                        if (sharedStringCell) {
                            checkSharedStringIndex(value, cellRef, rowLabel);
                        }
                    } else if ("c".equals(name)) {
                        inCell = false;
                        rowHasText |= cellHasText;
                    } else if ("row".equals(name)) {
                        if (rowHasText && ++rowsWithText > (long) limits.maxRows() + 1) {
                            throw limits.tooManyRows();
                        }
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (inCell) {
                        int length = r.getTextLength();
                        if ((cellChars += length) > limits.maxCellChars()) {
                            throw limits.cellTooLong("第 " + rowLabel + " 行的单元格" + (cellRef == null ? "" : " " + cellRef),
                                    "cell " + (cellRef == null ? "" : cellRef + " ") + "in row " + rowLabel);
                        }
                        if (!cellHasText) {
                            char[] text = r.getTextCharacters();
                            int start = r.getTextStart();
                            for (int i = start; i < start + length && !cellHasText; i++) {
                                cellHasText = !Character.isWhitespace(text[i]);
                            }
                        }
                        if (valueDepth > 0 && value.length() < 16) {
                            value.append(r.getTextCharacters(), r.getTextStart(), Math.min(length, 16));
                        }
                    }
                }
                default -> {
                    // nothing to check
                }
            }
        }
    }

    private ReadLimitException tooFarRight(String ref, long column, String rowLabel) {
        String columnZh = column == Long.MAX_VALUE ? "远超 " + limits.maxColumns() + " 列" : "第 " + (column + 1) + " 列";
        String columnEn = column == Long.MAX_VALUE ? "far right of column " + limits.maxColumns()
                : "column " + ReadLimits.grouped(column + 1);
        String cell = ref == null ? "" : " " + Cells.abbreviate(ref);
        return limits.tooManyColumns("第 " + rowLabel + " 行的单元格" + cell + "在" + columnZh + "，请删除数据右侧的列后重新上传",
                "cell" + cell + " in row " + rowLabel + " is in " + columnEn + ": delete the columns right of the data and upload again");
    }

    /** The sheet reader fills the shared-string table up to an index it is asked for, however far. */
    private void checkSharedStringIndex(CharSequence value, String cellRef, String rowLabel) throws IOException {
        if (sharedStrings < 0) {
            return; // no shared-string part: the sheet reader answers null
        }
        long index;
        try {
            index = Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return; // the sheet reader refuses it itself
        }
        if (index >= sharedStrings) {
            throw new IOException("工作簿已损坏：第 " + rowLabel + " 行的单元格" + (cellRef == null ? "" : " " + cellRef)
                    + "引用了不存在的文本 (the workbook is damaged: cell " + (cellRef == null ? "" : cellRef + " ")
                    + "in row " + rowLabel + " refers to a text that is not there)");
        }
    }

    private int deeper(int depth) throws ReadLimitException {
        if (depth + 1 > limits.maxNestingDepth()) {
            throw new ReadLimitException("工作簿的 XML 嵌套超过 " + limits.maxNestingDepth() + " 层",
                    "the workbook's XML is nested more than " + limits.maxNestingDepth() + " levels deep");
        }
        return depth + 1;
    }

    /**
     * The zero-based column of a cell reference as fastexcel-reader computes it (letters up to the first
     * digit or '$'), or {@link Long#MAX_VALUE} when it is beyond any sheet. Characters it would reject
     * count as nothing: the sheet reader refuses the file then.
     */
    static long column(String ref) {
        if (ref.isEmpty()) {
            return 0;
        }
        long column = 0;
        for (int i = ref.charAt(0) == '$' ? 1 : 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '$' || (c >= '0' && c <= '9')) {
                break;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
                if (column > 1L << 40) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return column - 1;
    }

    private InputStream guarded(ZipEntry entry) throws IOException {
        return new XmlGuard(new BufferedInputStream(budget.open(entry), 64 * 1024),
                10L * limits.maxCellChars() + 4096, limits);
    }

    /**
     * The exception the guard or the budget threw under the parser (a {@link ReadLimitException} or a plain
     * {@link IOException} with a message for the user), or "damaged" for anything the parser or the zip
     * library found, whose messages are not for users.
     */
    private static IOException unwrap(XMLStreamException e) {
        Throwable t = e;
        for (int i = 0; t != null && i < 8; i++) {
            if (t instanceof ReadLimitException || t.getClass() == IOException.class) {
                return (IOException) t;
            }
            Throwable next = t.getCause();
            if (next == null && t instanceof XMLStreamException) {
                next = ((XMLStreamException) t).getNestedException();
            }
            t = next;
        }
        return damaged();
    }

    /**
     * A byte-level guard under the XML parser: the content must start with '<' (after a UTF-8 byte order
     * mark and white space: UTF-16 and other encodings are refused); no DTD; no run of bytes without a '<'
     * (a tag with its attributes, then text) and no comment, CDATA section or processing instruction
     * longer than {@code maxRun} bytes. Parsers build those in memory whole; the cell text inside the
     * limit needs at most ten bytes a character (a character reference).
     */
    private static final class XmlGuard extends FilterInputStream {
        private static final int START = 0;
        private static final int TEXT = 1;
        private static final int LT = 2;
        private static final int BANG = 3;
        private static final int BANG_DASH = 4;
        private static final int COMMENT = 5;
        private static final int CDATA = 6;
        private static final int PI = 7;

        private final long maxRun;
        private final ReadLimits limits;
        private int state = START;
        private long run;
        private int tail;

        XmlGuard(InputStream in, long maxRun, ReadLimits limits) {
            super(in);
            this.maxRun = maxRun;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                check(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            for (int i = 0; i < n; i++) {
                check(buffer[off + i] & 0xFF);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && read() >= 0) {
                skipped++;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check(int b) throws IOException {
            switch (state) {
                case START -> {
                    if (b == '<') {
                        state = LT;
                        run = 0;
                    } else if (b != 0xEF && b != 0xBB && b != 0xBF && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                        throw new IOException("工作簿中的 XML 不是 UTF-8 编码，请用 Excel 或 WPS 另存为 .xlsx 后再上传 "
                                + "(the workbook's XML is not UTF-8: save it as .xlsx again with Excel or WPS and upload that)");
                    }
                }
                case TEXT -> {
                    if (b == '<') {
                        state = LT;
                        run = 0;
                    } else {
                        grow();
                    }
                }
                case LT -> {
                    if (b == '!') {
                        state = BANG;
                    } else if (b == '?') {
                        enter(PI);
                    } else {
                        state = TEXT;
                        grow();
                    }
                }
                case BANG -> {
                    if (b == '-') {
                        state = BANG_DASH;
                    } else if (b == '[') {
                        enter(CDATA);
                    } else {
                        throw new IOException("工作簿中含有文档类型定义（DTD），不予读取 "
                                + "(the workbook's XML contains a document type definition, which is not read)");
                    }
                }
                case BANG_DASH -> {
                    if (b == '-') {
                        enter(COMMENT);
                    } else {
                        state = TEXT;
                        grow();
                    }
                }
                default -> {
                    grow();
                    tail = ((tail << 8) | b) & 0xFFFFFF;
                    boolean end = switch (state) {
                        case COMMENT -> tail == ('-' << 16 | '-' << 8 | '>');
                        case CDATA -> tail == (']' << 16 | ']' << 8 | '>');
                        default -> (tail & 0xFFFF) == ('?' << 8 | '>');
                    };
                    if (end) {
                        state = TEXT;
                        run = 0;
                    }
                }
            }
        }

        private void enter(int special) {
            state = special;
            run = 0;
            tail = 0;
        }

        private void grow() throws ReadLimitException {
            if (++run > maxRun) {
                throw limits.cellTooLong("工作簿中有一段文本或标记", "a text or tag in the workbook's XML");
            }
        }
    }
}
