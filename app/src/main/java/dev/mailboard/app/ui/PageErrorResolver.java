package dev.mailboard.app.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sends a browser that asked for a page into the error page ({@link ErrorPageController}) when the framework
 * refuses the request itself (no such address, a method the address does not take, a missing or malformed
 * parameter), instead of the problem details JSON the API answers with. API requests, htmx requests and
 * the application's own exceptions are left to the other resolvers and advices.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        int status = frameworkStatus(ex);
        if (status == 0 || !isPageRequest(request) || response.isCommitted()) {
            return null;
        }
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return accept != null
                && accept.contains("text/html")
                && request.getHeader("HX-Request") == null
                && !path.startsWith("/api/")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator")
                && !path.startsWith("/sandbox/");
    }

    private static int frameworkStatus(Exception ex) {
        if (ex instanceof MethodArgumentTypeMismatchException) {
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        if (ex instanceof ErrorResponse error && ex.getClass().getPackageName().startsWith("org.springframework.web")) {
            return error.getStatusCode().value();
        }
        return 0;
    }
}
