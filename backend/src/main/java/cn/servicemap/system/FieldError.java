package cn.servicemap.system;

/** One field of a request and what is wrong with it, as listed in a problem detail's {@code errors}. */
public record FieldError(String field, String reason, String code) {
}
