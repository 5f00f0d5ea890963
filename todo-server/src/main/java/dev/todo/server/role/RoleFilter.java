package dev.todo.server.role;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 404} for what this process's role does not serve, before security or any controller sees the
 * request: an assistant replica has no task API, MCP endpoint or pages to leak, even if the ingress misroutes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RoleFilter extends OncePerRequestFilter {

    private final ServerRole role;

    RoleFilter(ServerRole role) {
        this.role = role;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return role.serves(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                + "\"This server runs the " + role.wireName() + " role and does not serve this path\"}");
    }
}
