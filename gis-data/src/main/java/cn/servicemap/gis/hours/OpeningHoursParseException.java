package cn.servicemap.gis.hours;

/**
 * Thrown by {@link OpeningHours#parse(String)} for text it does not understand. The message names
 * the 1-based character position and a short reason in Chinese and English, e.g.
 * {@code 第 7 个字符: 无法识别的时间 '25:00' (invalid time '25:00')}.
 */
public final class OpeningHoursParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int position;

    OpeningHoursParseException(String input, int position, String reasonZh, String reasonEn) {
        super("第 " + position + " 个字符: " + reasonZh + " (" + reasonEn + ")");
        this.input = input;
        this.position = position;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** 1-based position of the offending character, counted in Unicode characters (code points). */
    public int position() {
        return position;
    }
}
