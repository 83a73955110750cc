package cn.servicemap.system;

/** Something the answer needs is not available now (still loading, or failed to load); answered 503 with the reason. */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
