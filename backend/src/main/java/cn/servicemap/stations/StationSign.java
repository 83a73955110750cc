package cn.servicemap.stations;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A station's printable sign (站点标识牌) as SVG, A5 portrait (148 × 210 mm, the viewBox in millimetres): the kind on a
 * red band, the station's name, its code, opening hours and how one gets in, and a QR code of the station's page —
 * where a worker sees the station, confirms it open or reports a problem.
 *
 * <p>The QR code is ZXing's (error correction M, so a scuffed or rained-on sign still reads), drawn as one path of
 * unit squares scaled to {@value #QR_MM} mm with its quiet zone of four modules. Text is written through the JDK's
 * XML writer (escaped), in a CJK sans-serif the printer's system has. Limits: a name longer than three lines of
 * {@value #NAME_CHARS_PER_LINE} characters, and hours or access longer than two lines of {@value #DETAIL_CHARS_PER_LINE},
 * are cut with …; the fonts are the viewer's, so the look varies a little.
 */
public final class StationSign {

    static final double WIDTH_MM = 148;
    static final double HEIGHT_MM = 210;
    static final double QR_MM = 72;
    static final int NAME_CHARS_PER_LINE = 11;
    static final int DETAIL_CHARS_PER_LINE = 26;
    private static final String FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
    private static final String RED = "#c8102e";

    /** What a sign says. */
    public record Content(String kindName, String name, String code, String hoursText, String accessText, String operator, String url) {
    }

    private StationSign() {
    }

    /** The sign as an SVG document. */
    public static String svg(Content c) {
        BitMatrix qr = qr(c.url());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("svg");
            w.writeDefaultNamespace("http://www.w3.org/2000/svg");
            attrs(w, "width", WIDTH_MM + "mm", "height", HEIGHT_MM + "mm", "viewBox", "0 0 " + WIDTH_MM + " " + HEIGHT_MM,
                    "font-family", FONT);
            w.writeStartElement("title");
            w.writeCharacters(c.name() + " " + c.code());
            w.writeEndElement();
            rect(w, 0, 0, WIDTH_MM, HEIGHT_MM, "#ffffff");
            rect(w, 0, 0, WIDTH_MM, 24, RED);
            text(w, WIDTH_MM / 2, 15.5, 8, "bold", "#ffffff", "middle", c.kindName(), "sign-kind");
            double y = 38;
            for (String line : nameLines(c.name())) {
                text(w, WIDTH_MM / 2, y, 10, "bold", "#111111", "middle", line, "sign-name");
                y += 12;
            }
            text(w, WIDTH_MM / 2, y, 5, "normal", "#444444", "middle", "站点编码 " + c.code(), "sign-code");
            y += 9;
            for (String line : lines("开放时间：" + (c.hoursText() == null ? "未登记，请电话询问" : c.hoursText()), DETAIL_CHARS_PER_LINE, 2)) {
                text(w, 12, y, 4.6, "normal", "#111111", "start", line, "sign-hours");
                y += 6.5;
            }
            for (String line : lines("进入方式：" + c.accessText(), DETAIL_CHARS_PER_LINE, 2)) {
                text(w, 12, y, 4.6, "normal", "#111111", "start", line, "sign-access");
                y += 6.5;
            }
            double qrTop = Math.max(y + 6, HEIGHT_MM - QR_MM - 34);
            qr(w, qr, (WIDTH_MM - QR_MM) / 2, qrTop);
            text(w, WIDTH_MM / 2, qrTop + QR_MM + 8, 4.6, "bold", RED, "middle", "扫码查看站点、确认开放或报告问题", "sign-scan");
            text(w, WIDTH_MM / 2, qrTop + QR_MM + 14, 3.4, "normal", "#444444", "middle", c.url(), "sign-url");
            if (c.operator() != null && !c.operator().isBlank()) {
                text(w, WIDTH_MM / 2, HEIGHT_MM - 6, 3.6, "normal", "#444444", "middle", c.operator(), "sign-operator");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the station sign failed", e);
        }
        return out.toString();
    }

    /** The QR code of a URL, one module a unit, without quiet zone (the drawing adds it). */
    static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the station's address is too long for a QR code", e);
        }
    }

    /** The name in lines of at most {@value #NAME_CHARS_PER_LINE} characters, three lines at most (the last cut with …). */
    static List<String> nameLines(String name) {
        return lines(name, NAME_CHARS_PER_LINE, 3);
    }

    /** Text in lines of at most {@code perLine} characters, {@code max} lines at most (the last cut with … when more is left). */
    static List<String> lines(String text, int perLine, int max) {
        List<String> lines = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int from = 0; from < cps.length && lines.size() < max; from += perLine) {
            int to = Math.min(cps.length, from + perLine);
            String line = new String(cps, from, to - from);
            if (lines.size() == max - 1 && to < cps.length) {
                line = new String(cps, from, perLine - 1) + "…";
            }
            lines.add(line);
        }
        return lines;
    }

    private static void qr(XMLStreamWriter w, BitMatrix m, double left, double top) throws XMLStreamException {
        int quiet = 4;
        double unit = QR_MM / (m.getWidth() + 2 * quiet);
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    d.append('M').append(x + quiet).append(' ').append(y + quiet).append("h1v1h-1z");
                }
            }
        }
        rect(w, left, top, QR_MM, QR_MM, "#ffffff");
        w.writeStartElement("path");
        attrs(w, "id", "sign-qr", "d", d.toString(), "fill", "#000000", "shape-rendering", "crispEdges",
                "transform", "translate(" + left + " " + top + ") scale(" + unit + ")", "data-modules", String.valueOf(m.getWidth()));
        w.writeEndElement();
    }

    private static void rect(XMLStreamWriter w, double x, double y, double width, double height, String fill) throws XMLStreamException {
        w.writeEmptyElement("rect");
        attrs(w, "x", String.valueOf(x), "y", String.valueOf(y), "width", String.valueOf(width), "height", String.valueOf(height), "fill", fill);
    }

    private static void text(XMLStreamWriter w, double x, double y, double size, String weight, String fill, String anchor, String s,
                             String cls) throws XMLStreamException {
        w.writeStartElement("text");
        attrs(w, "class", cls, "x", String.valueOf(x), "y", String.valueOf(y), "font-size", String.valueOf(size), "font-weight", weight,
                "fill", fill, "text-anchor", anchor);
        w.writeCharacters(s);
        w.writeEndElement();
    }

    private static void attrs(XMLStreamWriter w, String... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            w.writeAttribute(pairs[i], pairs[i + 1]);
        }
    }
}
