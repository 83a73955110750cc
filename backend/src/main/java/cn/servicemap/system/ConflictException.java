package cn.servicemap.system;

import org.springframework.http.HttpStatus;

/**
 * The request lost a race or asks for something the current state forbids: 409 Conflict when the
 * stale version came in the body, 412 Precondition Failed when it came as If-Match, 428 when no
 * version came at all.
 */
public class ConflictException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public ConflictException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }
}
