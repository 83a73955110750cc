package cn.servicemap.system;

import java.util.List;

/** A request with field values the API refuses; answered 400 with every field and reason. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).reason());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldError(field, reason, "INVALID")));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
