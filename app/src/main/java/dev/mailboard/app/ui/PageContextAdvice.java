package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Notices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the {@link PageContext} that every template's layout takes as {@code page}. */
@ControllerAdvice(basePackageClasses = PageContextAdvice.class)
class PageContextAdvice {

    private static final String MOVED_FROM = "moved-from";
    private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

    private final Notices notices;

    PageContextAdvice(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("page")
    PageContext page(@Nullable CurrentUser user, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new PageContext(
                user,
                csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName(),
                csrf == null ? "" : csrf.getToken(),
                request.getRequestURI(),
                user == null ? 0 : notices.unreadCount(user.userId()),
                movedFrom(request));
    }

    /**
     * Where the browser was redirected from to the public URL ({@code moved-from}, see the operations module's
     * loopback redirect); on the sign-in page it is in the request saved before sign-in.
     */
    private static String movedFrom(HttpServletRequest request) {
        // Only a GET's parameters are read: on a multipart POST that would parse the upload before its controller.
        String from = "GET".equals(request.getMethod()) ? request.getParameter(MOVED_FROM) : null;
        HttpSession session = request.getSession(false);
        if (from == null && session != null && session.getAttribute(SAVED_REQUEST) instanceof SavedRequest saved) {
            String[] values = saved.getParameterValues(MOVED_FROM);
            from = values == null || values.length == 0 ? null : values[0];
        }
        return from != null && from.matches("[A-Za-z0-9.:\\[\\]-]{1,100}") ? from : "";
    }
}
