package dev.mailboard.sandbox.identity;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The sign-in and consent page, rendered as plain HTML without scripts or outside resources. */
final class ConsentPage {

    /** The page's Content-Security-Policy: its own stylesheet only, forms may post here and redirect anywhere. */
    static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self' http: https:;"
            + " frame-ancestors 'none'; base-uri 'none'";

    private ConsentPage() {}

    static String consent(
            String action,
            String appName,
            Set<String> scopes,
            Map<String, String> parameters,
            String login,
            @Nullable String problem) {
        var html = new StringBuilder(2048);
        html.append(head("Permissions requested"))
                .append("<main><h1>Permissions requested</h1><p class=\"app\"><strong>")
                .append(htmlEscape(appName))
                .append("</strong> would like to:</p><ul class=\"scopes\">");
        for (var scope : scopes) {
            html.append("<li><span class=\"scope\">")
                    .append(htmlEscape(scope))
                    .append("</span> ")
                    .append(htmlEscape(Scopes.describe(scope)))
                    .append("</li>");
        }
        html.append("</ul>");
        if (problem != null) {
            html.append("<p class=\"problem\" role=\"alert\">")
                    .append(htmlEscape(problem))
                    .append("</p>");
        }
        html.append("<form method=\"post\" action=\"")
                .append(htmlEscape(action))
                .append("\">");
        parameters.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(htmlEscape(name))
                .append("\" value=\"")
                .append(htmlEscape(value))
                .append("\">"));
        html.append("<label for=\"login\">Sign in as (a sandbox mailbox address)</label>")
                .append("<input id=\"login\" type=\"email\" name=\"login\" required value=\"")
                .append(htmlEscape(login))
                .append("\"><p class=\"buttons\"><button type=\"submit\" name=\"decision\" value=\"cancel\""
                        + " formnovalidate>Cancel</button> <button type=\"submit\" name=\"decision\""
                        + " value=\"accept\">Accept</button></p></form>")
                .append("<p class=\"note\">Microsoft sandbox: no password is asked; this page stands in for"
                        + " Microsoft's sign-in and consent.</p></main></body></html>");
        return html.toString();
    }

    static String error(String code, String message) {
        return head("Sign-in error") + "<main><h1>Sorry, but we're having trouble signing you in.</h1><p>"
                + htmlEscape(code) + ": " + htmlEscape(message) + "</p></main></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title)
                + " - Microsoft sandbox</title><link rel=\"stylesheet\" href=\"/sandbox/sandbox.css\"></head><body>";
    }
}
