package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.Notices;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the {@link PageContext} that every template's layout takes as {@code page}. */
@ControllerAdvice(basePackageClasses = PageContextAdvice.class)
class PageContextAdvice {

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
                user == null ? 0 : notices.unreadCount(user.userId()));
    }
}
