package dev.todo.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.todo.server.StartupProblem;

/**
 * Sends each web app page with its own strict {@code Content-Security-Policy}: the build (web/scripts/csp.mjs)
 * writes {@code csp.json} beside the static export, one policy per HTML file with the hashes of that page's
 * inline scripts. The request path is mapped to its file as {@link WebAppResources} serves it ({@code /} is
 * {@code index.html}, {@code /today} is {@code today.html}); the API and the pages' assets get no policy.
 */
@Component
class PageSecurityPolicy extends OncePerRequestFilter {

    static final String POLICIES = "META-INF/resources/csp.json";

    private final Map<String, String> pages;

    PageSecurityPolicy(JsonMapper json) {
        this.pages = load(json);
    }

    private static Map<String, String> load(JsonMapper json) {
        ClassPathResource policies = new ClassPathResource(POLICIES);
        if (!policies.exists()) {
            if (new ClassPathResource("META-INF/resources/index.html").exists()) {
                throw new StartupProblem("The web app in the server has no " + POLICIES
                        + " with its pages' Content-Security-Policy; build it with npm run build in web/.");
            }
            return Map.of(); // a server without the web app (module todo-web) serves no pages
        }
        try (InputStream in = policies.getInputStream()) {
            Map<String, String> pages = json.readValue(in, Policies.class).pages();
            if (pages == null || pages.isEmpty()) {
                throw new StartupProblem("The web app's " + POLICIES + " lists no pages; build it with npm run build in web/.");
            }
            return Map.copyOf(pages);
        } catch (IOException | JacksonException e) {
            throw new StartupProblem("The web app's " + POLICIES + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The page file a request path is answered with: {@code /} is index.html, {@code /login} is login.html. */
    static String pageFile(String path) {
        String file = path.startsWith("/") ? path.substring(1) : path;
        if (file.isEmpty()) {
            return "index.html";
        }
        return file.contains(".") ? file : file + ".html";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (("GET".equals(method) || "HEAD".equals(method)) && !path.equals("/api") && !path.startsWith("/api/")) {
            String policy = pages.get(pageFile(path));
            if (policy != null) {
                response.setHeader("Content-Security-Policy", policy);
            }
        }
        chain.doFilter(request, response);
    }

    /** The shape of csp.json: {@code {"pages": {"login.html": "default-src 'self'; ..."}}}. */
    record Policies(Map<String, String> pages) {
    }
}
