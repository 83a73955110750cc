package cn.servicemap.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What answers when the servlet container gives up on a request before the app's controllers see it — a path Tomcat or
 * the security firewall refuses (an encoded slash or NUL, a {@code ../}), a body it cannot parse, an error a filter sends
 * — and a direct request for {@code /error}: a problem detail with the status, in our words, never the container's page or
 * an exception.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {"application/problem+json", "application/json", "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        ProblemDetail pd;
        if (status == null) {
            pd = ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "not-found", "未找到 (not found)", "没有这个地址 (no such address)");
        } else if (status == HttpStatus.BAD_REQUEST) {
            pd = ProblemDetailsAdvice.problem(status, "bad-request", "请求无法识别 (bad request)",
                    "请求的地址或内容无法识别，例如地址中含有编码的斜杠、空字符或“../” (the address or body could not be read, e.g. an encoded "
                            + "slash, a NUL or “../” in the path)");
        } else if (status.is4xxClientError()) {
            pd = ProblemDetailsAdvice.problem(status, "client-error", "请求有误 (" + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT) + ")",
                    "请求未被接受（" + status.value() + "） (the request was not accepted: " + status.value() + ")");
        } else {
            pd = ProblemDetailsAdvice.problem(status, "internal", "服务器内部错误 (internal error)",
                    "服务器未能完成请求，请稍后重试 (the server failed to answer; try again later)");
        }
        pd.setInstance(null);
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
