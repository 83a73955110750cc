package cn.servicemap.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail, handled here once: {@code errors} lists each
 * field with its reason, {@code field} names the first one.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE = "https://servicemap.cn/problems/";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", e.getMessage()),
                e.errors());
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
        String reason = "值“" + e.getValue() + "”无效 (invalid value for " + e.getName() + ")";
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", reason),
                List.of(new FieldError(e.getName(), reason, "invalid-value")));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering a request; the response was 500. Check the stack trace below and the database connection.", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误 (internal error)",
                "The server failed to answer; the error was logged.");
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
        String field = jsonPath(ex);
        String reason = field == null
                ? "请求体不是有效的 JSON (the body is not valid JSON)"
                : "字段类型不正确 (wrong type for " + field + ")";
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求内容有误 (invalid request)", reason);
        if (field != null) {
            withErrors(pd, List.of(new FieldError(field, reason, "wrong-type")));
        }
        return ResponseEntity.badRequest().body(pd);
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

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
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
