package cn.servicemap.stations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The sign's SVG: well-formed, the texts escaped and wrapped, and a QR code any reader decodes to the station's address. */
public class StationSignTest {

    private static final StationSign.Content CONTENT = new StationSign.Content("户外劳动者服务站点", "新街口<爱心>驿站 & 港湾",
            "320102-01-000042", "周一至周五 08:00-18:00；法定节假日休息", "直接进入 · 有人值守", "南京市总工会",
            "https://yizhan.example.org/s/320102-01-000042");

    @Test
    void shouldDrawAWellFormedA5SignWhoseQrCodeReadsBackToTheStationsAddress() throws Exception {
        String svg = StationSign.svg(CONTENT);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 148.0 210.0");
        assertThat(doc.getDocumentElement().getTextContent()).contains("新街口<爱心>驿站 & 港湾", "站点编码 320102-01-000042",
                "开放时间：周一至周五 08:00-18:00；法定节假日休息", "进入方式：直接进入 · 有人值守", "南京市总工会");
        assertThat(decodeQr(svg)).isEqualTo(CONTENT.url());
    }

    @Test
    void shouldWrapALongNameAndCutWhatDoesNotFit() {
        assertThat(StationSign.nameLines("一二三四五六七八九十甲")).containsExactly("一二三四五六七八九十甲");
        assertThat(StationSign.nameLines("一二三四五六七八九十甲乙")).containsExactly("一二三四五六七八九十甲", "乙");
        String longName = "江苏省南京市秦淮区新街口街道户外劳动者爱心驿站第一服务点暨工会职工服务中心分站";
        assertThat(StationSign.nameLines(longName)).hasSize(3).last().asString().endsWith("…").hasSize(11);
        assertThat(String.join("", StationSign.nameLines(longName))).startsWith("江苏省南京市秦淮区新街口街道户外劳动者爱心驿站第一服务点暨");
    }

    /** Decodes the QR code of a sign: its path's unit squares drawn as pixels, read by ZXing's reader. */
    public static String decodeQr(String svg) throws Exception {
        Matcher path = Pattern.compile("id=\"sign-qr\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(path.find()).as("the QR path").isTrue();
        Matcher modules = Pattern.compile("data-modules=\"(\\d+)\"").matcher(svg);
        assertThat(modules.find()).isTrue();
        int side = Integer.parseInt(modules.group(1)) + 8; // with the quiet zone of 4 modules each side
        int scale = 4;
        int[] pixels = new int[side * scale * side * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(path.group(1));
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * side * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(side * scale, side * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
