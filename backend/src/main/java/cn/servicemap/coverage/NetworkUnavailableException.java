package cn.servicemap.coverage;

/** Coverage cannot be computed now: no road network for the region, or it is still loading or failed to load. Answered 503. */
public class NetworkUnavailableException extends cn.servicemap.system.ServiceUnavailableException {
    public NetworkUnavailableException(String message) {
        super(message);
    }

    public NetworkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
