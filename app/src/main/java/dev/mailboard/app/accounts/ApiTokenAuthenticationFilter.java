package dev.mailboard.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API requests that carry {@code Authorization: Bearer <personal API token>}. Any other or
 * invalid {@code Authorization} header is answered with 401 at once: a request that names credentials
 * never falls back to the session cookie (so it cannot skip the CSRF check either). The security
 * context is not stored in the session.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens apiTokens;

    ApiTokenAuthenticationFilter(ApiTokens apiTokens) {
        this.apiTokens = apiTokens;
    }

    static boolean hasAuthorizationHeader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? apiTokens.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHORIZED_DETAIL);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
