package cn.servicemap.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database cannot be reached (restarting, a failover, the pool exhausted): every request that needed it is answered
 * 503 with when to try again — not 500, and not 401 when it was the sign-in that could not read the user. The
 * controllers' answer is {@link ProblemDetailsAdvice}'s; this filter, outside every other, answers for the filters
 * before them (the sign-in, the session store).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    private final JsonMapper json;

    DatabaseUnavailable(JsonMapper json) {
        this.json = json;
    }

    /**
     * Whether the failure, or one of its causes, is the database being out of reach. A commit that failed that way
     * wrote nothing (PostgreSQL commits or not as a whole); the client is told to try again.
     */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // a transaction whose commit or rollback failed (the pool's connection closed under it), a connection lost:
            // SQLSTATE class 08, connection exception, or 57P, the server shutting down
            if (t instanceof org.springframework.transaction.TransactionSystemException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The answer: 503 problem detail, nothing written. */
    static ProblemDetail problem() {
        return ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "数据库暂时不可用 (database unavailable)",
                "数据库暂时无法访问，请稍后重试；未写入任何内容 (the database cannot be reached just now; nothing was written — try again)");
    }

    /** Writes the 503 on a response not yet committed; for the sign-in's failure handlers too. */
    public void answer(HttpServletRequest request, HttpServletResponse response, Throwable e) throws IOException {
        log.warn("The database could not be reached ({}) for {}; answered 503. Check that the database is running and reachable; "
                + "the connection pool reconnects by itself.", e.getClass().getSimpleName(), request.getRequestURI());
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        ProblemDetail pd = problem();
        pd.setInstance(java.net.URI.create(request.getRequestURI()));
        json.writeValue(response.getOutputStream(), pd);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causedBy(e) || response.isCommitted()) {
                throw e;
            }
            answer(request, response, e);
        }
    }
}
