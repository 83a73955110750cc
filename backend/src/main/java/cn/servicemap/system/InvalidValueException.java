package cn.servicemap.system;

/**
 * One request value the API refuses, thrown where the value is parsed (a query-parameter converter or
 * a JSON constructor) and answered 400 with the field the value came from: the query parameter's name,
 * or the JSON path of the property, followed by {@code subField} when the value is an object whose part
 * is wrong (e.g. {@code changes[2].lon}).
 */
public class InvalidValueException extends RuntimeException {

    private final String subField;
    private final String code;

    public InvalidValueException(String code, String reason) {
        this(null, code, reason);
    }

    public InvalidValueException(String subField, String code, String reason) {
        super(reason);
        this.subField = subField;
        this.code = code;
    }

    /** The part of the value at fault, or null when it is the whole value. */
    public String subField() {
        return subField;
    }

    public String code() {
        return code;
    }

    /** The field error for a value found at {@code path} (a parameter name or JSON path). */
    public FieldError at(String path) {
        String field = subField == null ? path : path == null || path.isEmpty() ? subField : path + "." + subField;
        return new FieldError(field, getMessage(), code);
    }
}
