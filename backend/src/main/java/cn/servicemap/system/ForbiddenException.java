package cn.servicemap.system;

/** The signed-in user may not do this here (another district or region, or too small a role): answered 403. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
