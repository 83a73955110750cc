package cn.servicemap.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Assertions on the RFC 9457 problem details the API answers errors with (see ProblemDetailsAdvice), shared by
 * the web-slice tests: the status, the content type, the field named first with its reason and code, and that
 * the body leaks nothing of the server (no exception class, no Jackson package, no NumberFormatException text).
 */
public final class Problems {

    private Problems() {
    }

    /** A 400 problem detail whose first field is {@code field} (and code {@code code}, unless null), with a reason. */
    public static void assertField(MvcTestResult r, String field, String code) {
        assertField(r, 400, field, code);
    }

    /** A problem detail of {@code status} whose first field is {@code field} (and code {@code code}, unless null), with a reason. */
    public static void assertField(MvcTestResult r, int status, String field, String code) {
        assertProblem(r, status);
        assertThat(r).bodyJson().extractingPath("$.field").asString().isEqualTo(field);
        assertThat(r).bodyJson().extractingPath("$.reason").asString().isNotBlank();
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").asString().isEqualTo(field);
        if (code != null) {
            assertThat(r).bodyJson().extractingPath("$.errors[0].code").asString().isEqualTo(code);
        }
    }

    /** A problem detail of {@code status}, as application/problem+json, with a detail and nothing of the server's internals. */
    public static void assertProblem(MvcTestResult r, int status) {
        assertThat(r).hasStatus(status);
        assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(r).bodyJson().extractingPath("$.status").asNumber().isEqualTo(status);
        assertThat(r).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        assertNoLeak(r);
    }

    /** The body names no exception, no Jackson package and no NumberFormatException message. */
    public static void assertNoLeak(MvcTestResult r) {
        assertThat(r).bodyText().doesNotContain("Exception", "tools.jackson", "For input string");
    }
}
