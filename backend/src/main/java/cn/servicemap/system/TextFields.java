package cn.servicemap.system;

import java.util.List;

/**
 * The free-text fields of a request body (who set it, why, the evidence …): trimmed, and checked for presence and
 * length with the field's own reason, collected so that every bad field of one request is reported at once.
 */
public final class TextFields {

    private TextFields() {
    }

    /** The trimmed text; a {@code MISSING_VALUE} or {@code TOO_LONG} error with the reason when empty or above {@code max}. */
    public static String required(String value, String field, String reason, int max, List<FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            errors.add(new FieldError(field, reason, v.isEmpty() ? "MISSING_VALUE" : "TOO_LONG"));
        }
        return v;
    }

    /** The trimmed text, or null when blank; a {@code TOO_LONG} error with the reason when above {@code max}. */
    public static String optional(String value, String field, String reason, int max, List<FieldError> errors) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, reason, "TOO_LONG"));
        }
        return v;
    }
}
