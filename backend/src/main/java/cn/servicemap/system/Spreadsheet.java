package cn.servicemap.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tables as an XLSX download planners open in Excel or WPS: sheets of rows, numbers as numbers, text as text, empty
 * cells for null. Written with fastexcel (no template, no formulas).
 */
public final class Spreadsheet {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** One sheet: its tab name (at most 31 characters) and its rows, the first usually a title. */
    public record Sheet(String name, List<List<Object>> rows) {
        public Sheet {
            rows = List.copyOf(rows);
        }
    }

    private Spreadsheet() {
    }

    public static byte[] xlsx(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "ServiceMap", "1.0")) {
            for (Sheet sheet : sheets) {
                Worksheet ws = wb.newWorksheet(sheet.name().length() > 31 ? sheet.name().substring(0, 31) : sheet.name());
                for (int r = 0; r < sheet.rows().size(); r++) {
                    List<Object> row = sheet.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v != null) {
                            ws.value(r, c, String.valueOf(v));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** CSV media type, UTF-8. */
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** Rows as CSV that Excel and WPS open as UTF-8 (a byte-order mark first), CRLF line ends, each cell by {@link #cell}. */
    public static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (List<Object> row : rows) {
            List<String> cells = new java.util.ArrayList<>();
            for (Object v : row) {
                cells.add(cell(v));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One CSV cell: quoted when it holds a comma, quote or line break; a text that a spreadsheet would take for a formula
     * (starting with =, +, -, @, a tab or a carriage return: a name from an imported file can) gets a leading
     * apostrophe, so Excel and WPS show it as text. Numbers are written as they are.
     */
    public static String cell(Object v) {
        String s = v == null ? "" : String.valueOf(v);
        if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The file as a download named {@code fileName} (UTF-8 safe). */
    public static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(body);
    }
}
