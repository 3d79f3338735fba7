package dev.mailboard.app.accounts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 problem details that the API's security filters write before any controller runs. The
 * texts are fixed: nothing from the request (least of all a token) is echoed.
 */
final class ProblemResponses {

    static final String UNAUTHORIZED_DETAIL = "Sign in, or send a valid personal API token as"
            + " 'Authorization: Bearer mbt_…'. Unknown and revoked tokens are refused.";
    static final String FORBIDDEN_DETAIL = "Your role does not allow this.";

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_DETAIL);
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, FORBIDDEN_DETAIL);
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
