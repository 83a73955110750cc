package cn.servicemap.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answer, for what it refuses before any application sees the request (an encoded slash or NUL in
 * the path, a path climbing above the root, a malformed request line): a problem detail in our words instead of Tomcat's
 * HTML page with its version. Installed as the host's error report valve ({@link WebServerConfig}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer w = response.getReporter();
            if (w == null) {
                return;
            }
            String detail = status == 400
                    ? "请求的地址或内容无法识别，例如地址中含有编码的斜杠、空字符或“../” (the address could not be read, e.g. an encoded slash, a NUL or “../”)"
                    : "请求未被接受（" + status + "） (the request was not accepted: " + status + ")";
            w.write("{\"type\":\"https://servicemap.cn/problems/" + (status == 400 ? "bad-request" : "client-error")
                    + "\",\"title\":\"请求无法识别 (bad request)\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
