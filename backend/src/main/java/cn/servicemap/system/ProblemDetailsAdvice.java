package cn.servicemap.system;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.InvalidTypeIdException;

/**
 * Every API error as an RFC 9457 problem detail, handled here once: {@code errors} lists each
 * field with its reason, {@code field} names the first one.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE = "https://servicemap.cn/problems/";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", e.getMessage()),
                e.errors());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return withErrors(problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作 (forbidden)", e.getMessage()),
                List.of(new FieldError(e.field(), e.getMessage(), "FORBIDDEN")));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "请求过于频繁 (too many requests)", e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "未找到 (not found)", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        String slug = switch (e.status()) {
            case PRECONDITION_FAILED -> "version-mismatch";
            case PRECONDITION_REQUIRED -> "version-required";
            default -> "conflict";
        };
        ProblemDetail pd = problem(e.status(), slug, "版本冲突或状态冲突 (conflict)", e.getMessage());
        if (e.field() != null) {
            withErrors(pd, List.of(new FieldError(e.field(), e.getMessage(), slug)));
        }
        return pd;
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ProblemDetail unavailable(ServiceUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "暂时无法计算 (not available now)", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        InvalidValueException invalid = cause(e, InvalidValueException.class);
        FieldError error = invalid != null ? invalid.at(e.getName())
                : new FieldError(e.getName(), "值“" + shortened(e.getValue()) + "”无效 (invalid value for " + e.getName() + ")", "BAD_VALUE");
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", error.reason()),
                List.of(error));
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalidValue(InvalidValueException e) {
        FieldError error = e.at(null);
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", error.reason()),
                List.of(error));
    }

    /**
     * The database cannot be reached (restarting, the connection pool exhausted, a failover): 503 with when to try again,
     * not 500 — nothing was written, and the pool reconnects by itself once the database is back.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class, org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("The database could not be reached ({}); answered 503. Check that the database is running and reachable; the "
                + "connection pool reconnects by itself.", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(DatabaseUnavailable.problem());
    }

    /**
     * Anything else is the server's fault, including an IllegalArgumentException or IllegalStateException from
     * inside gis-data: request values are checked before they get there. The body names an error id that the
     * log line carries, and nothing of the exception.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) { // e.g. a commit or rollback on a connection the database dropped
            log.warn("The database connection was lost during a request ({}); answered 503. Check that the database is running; the "
                    + "connection pool reconnects by itself.", e.getClass().getSimpleName());
            return DatabaseUnavailable.problem();
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error {} answering a request; the response was 500. The stack trace below shows where; "
                + "check the database connection and the region's files if it names them.", errorId, e);
        ProblemDetail pd = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误 (internal error)",
                "服务器未能完成请求，错误编号 " + errorId + " 已记入日志 (the server failed to answer; error " + errorId + " was logged)");
        pd.setProperty("errorId", errorId);
        return pd;
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult r : ex.getParameterValidationResults()) {
            String name = r.getMethodParameter().getParameterName();
            RequestParam param = r.getMethodParameter().getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                name = param.name();
            }
            Min min = r.getMethodParameter().getParameterAnnotation(Min.class);
            Max max = r.getMethodParameter().getParameterAnnotation(Max.class);
            String range = (min == null ? "" : "≥ " + min.value()) + (min != null && max != null ? ", " : "")
                    + (max == null ? "" : "≤ " + max.value());
            // our own words and the declared bounds: the validator's message is a library's text in the server's locale
            errors.add(new FieldError(name, name + " 应 " + range + "，而不是“" + shortened(r.getArgument()) + "” ("
                    + name + " must be " + range + ")", "OUT_OF_RANGE"));
        }
        ProblemDetail pd = withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)",
                errors.isEmpty() ? "请求参数无效 (invalid parameters)" : errors.get(0).field() + ": " + errors.get(0).reason()), errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage(), f.getCode())).toList();
        ProblemDetail pd = withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)",
                errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "))), errors);
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String path = jsonPath(ex);
        InvalidValueException invalid = cause(ex, InvalidValueException.class);
        InvalidTypeIdException typeId = cause(ex, InvalidTypeIdException.class);
        FieldError error;
        if (invalid != null) {
            error = invalid.at(path);
        } else if (typeId != null) {
            error = typeIdError(typeId, path);
        } else if (path != null) {
            error = new FieldError(path, "字段类型不正确 (wrong type for " + path + ")", "WRONG_TYPE");
        } else {
            error = null;
        }
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)",
                error == null ? "请求体不是有效的 JSON (the body is not valid JSON)" : error.reason());
        if (error != null) {
            withErrors(pd, List.of(error));
        }
        return ResponseEntity.badRequest().body(pd);
    }

    /** A polymorphic value whose type property (e.g. {@code op}) is missing or unknown: say which values it takes. */
    private static FieldError typeIdError(InvalidTypeIdException e, String path) {
        Class<?> base = e.getBaseType() == null ? null : e.getBaseType().getRawClass();
        JsonTypeInfo info = base == null ? null : base.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subTypes = base == null ? null : base.getAnnotation(JsonSubTypes.class);
        String property = info == null || info.property().isEmpty() ? "type" : info.property();
        String accepted = subTypes == null ? "" : Arrays.stream(subTypes.value()).map(JsonSubTypes.Type::name)
                .collect(Collectors.joining("、"));
        String field = path == null || path.isEmpty() ? property : path + "." + property;
        return new FieldError(field, property + " 应为 " + accepted + " 之一 (" + property + " must be one of "
                + accepted.replace("、", ", ") + ")", "BAD_TYPE");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String reason = "缺少参数 (missing parameter " + ex.getParameterName() + ")";
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "请求内容有误 (invalid request)", reason), List.of(new FieldError(ex.getParameterName(), reason, "missing"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String reason = "缺少上传文件 (missing part " + ex.getRequestPartName() + ")";
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "请求内容有误 (invalid request)", reason), List.of(new FieldError(ex.getRequestPartName(), reason, "missing"))));
    }

    /**
     * Errors Spring MVC answers itself (no such address, method, media type; 404/405/406/415 …) get our type, a
     * Chinese title and our words instead of the framework's English detail.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse framework) {
            body = framework.getBody();
        }
        if (body instanceof ProblemDetail pd && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            String[] words = switch (statusCode.value()) {
                case 404 -> new String[]{"not-found", "未找到 (not found)", "没有这个地址 (no such address)"};
                case 405 -> new String[]{"method-not-allowed", "不支持该请求方法 (method not allowed)",
                        "该地址不支持此请求方法，允许：" + headers.getAllow() + " (method not allowed here; allowed: " + headers.getAllow() + ")"};
                case 406 -> new String[]{"not-acceptable", "无法提供所要求的格式 (not acceptable)",
                        "该地址只提供 JSON / GeoJSON (this address answers JSON or GeoJSON only)"};
                case 413 -> new String[]{"too-large", "请求过大 (request too large)", "上传的文件或请求体过大 (the upload or body is too large)"};
                case 415 -> new String[]{"unsupported-media-type", "不支持的内容类型 (unsupported media type)",
                        "请以 application/json 发送请求体，文件以 multipart/form-data 上传 (send JSON bodies as application/json and files as multipart/form-data)"};
                default -> statusCode.is4xxClientError()
                        ? new String[]{"invalid-request", "请求内容有误 (invalid request)", "请求无法处理 (the request cannot be handled)"}
                        : new String[]{"internal", "服务器内部错误 (internal error)", "服务器未能完成请求 (the server failed to answer)"};
            };
            pd.setType(URI.create(TYPE + words[0]));
            pd.setTitle(words[1]);
            pd.setDetail(words[2]);
            if (statusCode.value() == 415) {
                withErrors(pd, List.of(new FieldError("Content-Type", words[2], "UNSUPPORTED_MEDIA_TYPE")));
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** The JSON path of the property Jackson could not bind, e.g. "lat" or "services[2]". */
    private static String jsonPath(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (var ref : de.getPath()) {
                    if (ref.getPropertyName() != null) {
                        parts.add(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0 && !parts.isEmpty()) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + ref.getIndex() + "]");
                    }
                }
                return String.join(".", parts);
            }
        }
        return null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** A value the client sent, echoed at most 40 characters long. */
    private static String shortened(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE + slug));
        pd.setTitle(title);
        return pd;
    }

    static ProblemDetail withErrors(ProblemDetail pd, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            pd.setProperty("field", errors.get(0).field());
            pd.setProperty("reason", errors.get(0).reason());
            pd.setProperty("errors", errors);
        }
        return pd;
    }
}
