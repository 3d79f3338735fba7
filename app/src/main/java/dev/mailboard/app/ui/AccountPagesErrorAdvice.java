package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.PermissionDeniedException;
import dev.mailboard.app.accounts.UnknownIdException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Readable 403 and 404 pages for the account pages (users, settings, audit log, API tokens). */
@ControllerAdvice(
        assignableTypes = {
            UsersPageController.class,
            SettingsPageController.class,
            AuditPageController.class,
            ApiTokensPageController.class
        })
class AccountPagesErrorAdvice {

    private final PageContextAdvice pageContext;

    AccountPagesErrorAdvice(PageContextAdvice pageContext) {
        this.pageContext = pageContext;
    }

    @ExceptionHandler(PermissionDeniedException.class)
    ModelAndView forbidden(PermissionDeniedException e, @Nullable CurrentUser user, HttpServletRequest request) {
        return view(HttpStatus.FORBIDDEN, "Not allowed", e, user, request);
    }

    @ExceptionHandler(UnknownIdException.class)
    ModelAndView notFound(UnknownIdException e, @Nullable CurrentUser user, HttpServletRequest request) {
        return view(HttpStatus.NOT_FOUND, "Not found", e, user, request);
    }

    private ModelAndView view(
            HttpStatus status,
            String title,
            RuntimeException e,
            @Nullable CurrentUser user,
            HttpServletRequest request) {
        String message = e.getMessage();
        return new ModelAndView(
                "accounts/error",
                Map.of(
                        "page",
                        pageContext.page(user, request),
                        "title",
                        title,
                        "message",
                        message == null ? title : message),
                status);
    }
}
