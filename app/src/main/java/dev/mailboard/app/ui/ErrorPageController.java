package dev.mailboard.app.ui;

import dev.mailboard.app.accounts.CurrentUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container shows for an error no controller answered (an unknown address, a failure):
 * browsers get a page in the app's frame with a way back, API clients RFC 9457 problem details. The texts are
 * fixed: nothing of the failed request is echoed.
 */
@Controller
@RequestMapping("/error")
class ErrorPageController implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(@Nullable CurrentUser user, HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", ErrorTexts.title(status));
        model.addAttribute("message", ErrorTexts.message(status, user != null));
        return "error";
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ErrorTexts.message(status, true));
        body.setTitle(ErrorTexts.title(status));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
