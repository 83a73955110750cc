package cn.servicemap.gis.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Text rules shared by the catalog records and the name matching. */
final class CatalogText {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private CatalogText() {
    }

    static String requireCode(String code) {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be upper-case letters, digits and '_': '" + code + "'");
        }
        return code;
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** One visible character (one code point, not a space or control character), as a map marker shows it. */
    static String requireGlyph(String glyph) {
        Objects.requireNonNull(glyph, "glyph");
        if (glyph.codePointCount(0, glyph.length()) != 1) {
            throw new IllegalArgumentException("glyph must be one character: '" + glyph + "'");
        }
        int c = glyph.codePointAt(0);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            throw new IllegalArgumentException("glyph must be a visible character: '" + glyph + "'");
        }
        return glyph;
    }

    /** A colour as {@code #rrggbb}, returned in lower case. */
    static String requireColor(String color) {
        Objects.requireNonNull(color, "color");
        if (!COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color must be #rrggbb: '" + color + "'");
        }
        return color.toLowerCase(Locale.ROOT);
    }

    /**
     * Folds text for matching, character by character so that indexes stay aligned with the input:
     * full-width ASCII (U+FF01–FF5E) to ASCII, ideographic and no-break spaces to a space, lower case.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                c = ' ';
            }
            chars[i] = Character.toLowerCase(c);
        }
        return new String(chars);
    }

    /** The lookup key of a name: folded, trimmed, inner whitespace runs collapsed to one space. */
    static String key(String text) {
        return fold(text).trim().replaceAll("\\s+", " ");
    }

    /** Separators between services in a list (after folding): , ; | / 、 and whitespace. */
    static boolean isListSeparator(char c) {
        return c == ',' || c == ';' || c == '|' || c == '/' || c == '、' || Character.isWhitespace(c);
    }
}
