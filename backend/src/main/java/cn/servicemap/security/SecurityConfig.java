package cn.servicemap.security;

import cn.servicemap.map.MapProperties;
import cn.servicemap.system.ServiceMapProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what over HTTP. Reading (stations, nearest, coverage, the worker page) and a worker's problem report or
 * photo proposal need no login; every other write needs a signed-in user whose role and scope allow it (URL rules here
 * by role, scope checks in {@link Access}). Pages sign in with a form and a session; the session's writes carry a CSRF
 * token (a cookie the page's script sends back in {@code X-XSRF-TOKEN}); API clients send HTTP Basic credentials
 * instead, which a cross-site form cannot. Every answer carries a Content-Security-Policy of the app's own origin (plus
 * the online basemap's tile host when one is configured), nosniff, no framing and a same-origin referrer. Refusals of
 * API requests are problem details (401, 403); a page asks the person to sign in.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // the command-line import has no HTTP
class SecurityConfig {

    /** Requests a program makes (the API, OGC API – Features): a 401 with a problem, never a redirect to the sign-in page. */
    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/ogc/")
            || request.getRequestURI().equals("/ogc");

    @Bean
    SecurityFilterChain security(HttpSecurity http, ServiceMapProperties properties, MapProperties map, JsonMapper json, Clock clock,
                                 cn.servicemap.system.DatabaseUnavailable databaseUnavailable) throws Exception {
        AuthenticationEntryPoint apiEntry = (request, response, e) -> {
            if (cn.servicemap.system.DatabaseUnavailable.causedBy(e)) { // the user could not be read: not the caller's fault
                databaseUnavailable.answer(request, response, e);
                return;
            }
            problem(json, response, 401, "unauthorized", "请先登录 (sign in first)",
                    "需要登录后才能修改数据 (sign in to change data)", "login", "UNAUTHORIZED",
                    request.getHeader("Authorization") != null ? "Basic realm=\"ServiceMap\"" : "FormLogin realm=\"ServiceMap\"");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            if (e instanceof CsrfException) {
                problem(json, response, 403, "csrf", "请求来源无法确认 (forbidden)", "缺少或错误的 CSRF 令牌：请从本站页面操作，或用 API 凭据 "
                        + "(missing or wrong CSRF token: act from the app's pages, or send API credentials)", "X-XSRF-TOKEN", "CSRF", null);
            } else {
                problem(json, response, 403, "forbidden", "无权操作 (forbidden)", "您的角色不能进行此操作 (your role may not do this)", "role",
                        "FORBIDDEN", null);
            }
        };
        http.authorizeHttpRequests(a -> a
                        // a worker's problem report, confirmation (确认开放) and photo proposal (补充照片); an editor's photo is checked in PhotoService
                        .requestMatchers(HttpMethod.POST, "/api/stations/*/reports", "/api/stations/*/confirmations", "/api/stations/*/photos").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/users", "/api/users/**").hasRole(Role.REGION_ADMIN.name())
                        .requestMatchers("/api/reports", "/api/reports/**").hasRole(Role.DISTRICT_EDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/photos").hasRole(Role.DISTRICT_EDITOR.name())
                        .requestMatchers("/api/stations/*/history", "/api/stations/*/grades", "/api/audit").hasRole(Role.DISTRICT_EDITOR.name())
                        .requestMatchers("/api/planning/**", "/api/scenarios", "/api/scenarios/**").hasRole(Role.PLANNER.name())
                        .requestMatchers("/api/export/siting", "/ogc/*/collections/siting/**").hasRole(Role.PLANNER.name())
                        .requestMatchers(HttpMethod.POST, "/api/whatif").hasRole(Role.PLANNER.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/jobs/**").hasRole(Role.PLANNER.name())
                        .requestMatchers(HttpMethod.POST, "/api/stations/imports").hasRole(Role.PLANNER.name())
                        .requestMatchers(HttpMethod.POST, "/api/districts/**", "/api/regions").hasRole(Role.REGION_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/plan", "/plan.html", "/report.html", "/users", "/users.html").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/login", "/logout", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(apiEntry))
                .formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login")
                        .successHandler((request, response, auth) -> response.sendRedirect(next(request.getParameter("next"))))
                        .failureHandler((request, response, e) -> {
                            if (cn.servicemap.system.DatabaseUnavailable.causedBy(e)) {
                                databaseUnavailable.answer(request, response, e);
                                return;
                            }
                            response.sendRedirect("/login.html?error="
                                + (e instanceof org.springframework.security.authentication.LockedException ? "locked" : "bad")
                                + "&next=" + java.net.URLEncoder.encode(next(request.getParameter("next")), StandardCharsets.UTF_8));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                .csrf(c -> c.spa().requireCsrfProtectionMatcher(request -> needsCsrfToken(request, properties.security().demoLogin())))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(apiEntry, API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login.html"), request -> true)
                        .accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map)))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class);
        if (properties.security().demoLogin()) {
            http.addFilterBefore(new DemoLoginFilter(clock), AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * Whether a request must carry the CSRF token: a write that rides on something a browser sends by itself — a session
     * cookie, or (in the demo) being on this machine — and always a login. Not an API client's request with credentials
     * (a cross-site page cannot set them), nor a request without a session (there is nobody to impersonate: it is
     * answered 401), nor a worker's problem report or confirmation (anonymous anyway).
     */
    static boolean needsCsrfToken(HttpServletRequest request, boolean demoLogin) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
            return false;
        }
        if ("/login".equals(request.getRequestURI())) {
            return true;
        }
        if (request.getHeader("Authorization") != null
                || "POST".equals(method) && request.getRequestURI().matches("/api/stations/[^/]+/(reports|confirmations)")) {
            return false;
        }
        return request.getSession(false) != null || request.getRequestedSessionId() != null || demoLogin;
    }

    /** A path the firewall refuses (encoded slash or NUL, "../") is a 400 the error page answers, not a 500. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        return new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
    }

    /** Where to go after signing in: a path of this app only (never another site). */
    static String next(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/plan";
    }

    /** The app's own origin only, plus the online basemap's tile host when one is configured. */
    static String contentSecurityPolicy(MapProperties map) {
        String tiles = "";
        if (map.online() != null && map.online().enabled()) {
            try {
                String host = URI.create(map.online().url().replace("{s}", "a").replace("{x}", "0").replace("{y}", "0").replace("{z}", "0")
                        .replaceAll("\\{[^}]*}", "x")).getHost();
                if (host != null) {
                    // the subdomains of the tile server ({s} in the template)
                    tiles = " https://" + (map.online().url().contains("{s}") ? "*." + host.substring(host.indexOf('.') + 1) : host);
                }
            } catch (IllegalArgumentException e) {
                tiles = "";
            }
        }
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" + tiles
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static void problem(JsonMapper json, HttpServletResponse response, int status, String slug, String title, String detail,
                                String field, String code, String challenge) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        json.writeValue(response.getOutputStream(), new Problem("https://servicemap.cn/problems/" + slug, title, status, detail, field,
                detail, List.of(new cn.servicemap.system.FieldError(field, detail, code))));
    }

    /** The problem detail the filters answer with (the same shape as the controllers'). */
    record Problem(String type, String title, int status, String detail, String field, String reason,
                   List<cn.servicemap.system.FieldError> errors) {
    }

    /** Loads the CSRF token for every page, so that its cookie is there for the page's script. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            // pages set the cookie their scripts send back; API answers need not (a new token per call costs)
            if (token != null && !request.getRequestURI().startsWith("/api/")) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The embedded demo only: a request from this machine (loopback) with nobody signed in acts as the demo planner
     * (演示规划员, a region admin of every region), shown as such on the pages. Never on in production.
     */
    static final class DemoLoginFilter extends OncePerRequestFilter {
        static final AppUser DEMO = new AppUser("demo", "演示规划员（本机自动登录）", "", Role.REGION_ADMIN, null, java.util.Set.of(),
                true, 0, null);
        private final Clock clock;

        DemoLoginFilter(Clock clock) {
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var context = SecurityContextHolder.getContext();
            // a request a proxy forwarded only looks local: never signed in as the demo planner
            boolean forwarded = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null;
            if (context.getAuthentication() == null && !forwarded && isLoopback(request.getRemoteAddr())) {
                SignedInUser demo = new SignedInUser(DEMO, true, clock);
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(demo, null, demo.getAuthorities()));
            }
            chain.doFilter(request, response);
        }

        private static boolean isLoopback(String address) {
            try {
                return address != null && InetAddress.getByName(address).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
