package dev.mailboard.app.connections;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UnknownIdException;
import dev.mailboard.app.connections.vault.OAuthTokens;
import dev.mailboard.app.operations.PublicUrl;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Connecting a mailbox, for the pages: start an authorization, finish it at the callback, check the
 * mailbox (S-62) and only then store the connection. Web-internal: other modules use {@link Connections}.
 */
@Service
public class ConnectFlow {

    /** The callback path, registered as the redirect URI at the provider. */
    public static final String CALLBACK_PATH = "/connections/callback/microsoft";

    private final AuthorizationFlow flow;
    private final OAuthProvider provider;
    private final MailboxCheck check;
    private final ConnectionStore store;
    private final ConnectionRepository connections;
    private final ConnectionAudit audit;

    ConnectFlow(
            OAuthProvider provider,
            PublicUrl publicUrl,
            TokenEndpoint tokens,
            MailboxCheck check,
            ConnectionStore store,
            ConnectionRepository connections,
            ConnectionAudit audit,
            OAuthProperties properties,
            Clock clock) {
        this.flow = new AuthorizationFlow(
                provider::current,
                () -> publicUrl.resolve(CALLBACK_PATH),
                tokens,
                clock,
                properties.authorizationValidity());
        this.provider = provider;
        this.check = check;
        this.store = store;
        this.connections = connections;
        this.audit = audit;
    }

    /**
     * The origin of the provider's authorization endpoint, which the page's Content-Security-Policy must
     * allow as a form target: the "Connect Outlook" form is redirected there.
     *
     * @return for example {@code https://login.microsoftonline.com}
     */
    public String authorizationOrigin() {
        URI uri = URI.create(provider.current().authorizationUri());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * Starts connecting a mailbox with the read scopes (S-9).
     *
     * @param user the signed-in user
     * @param session the browser's session, which the state is bound to
     * @param returnTo where to go afterwards; only allowlisted relative paths are honoured (S-7)
     * @return the provider's authorization URL to redirect the browser to
     */
    public URI start(CurrentUser user, HttpSession session, @Nullable String returnTo) {
        return flow.begin(
                session, user.userId(), provider.current().connectScopes(), ReturnTargets.sanitize(returnTo), null);
    }

    /**
     * Starts the incremental consent that adds {@code Mail.Send} to one of the user's connections (S-10),
     * for when the user first switches on something that sends mail.
     *
     * @param user the signed-in user; must own the connection
     * @param session the browser's session
     * @param connection the connection
     * @param returnTo where to go afterwards
     * @return the provider's authorization URL
     * @throws UnknownIdException when the user has no such connection
     */
    public URI requestSendPermission(
            CurrentUser user, HttpSession session, ConnectionId connection, @Nullable String returnTo) {
        ConnectionView view = connections
                .find(user.accountId(), connection)
                .filter(c -> c.isOwnedBy(user.userId()))
                .orElseThrow(() -> new UnknownIdException("You have no connection " + connection + "."));
        List<String> scopes = new ArrayList<>(provider.current().connectScopes());
        scopes.add(ProviderSettings.SEND_SCOPE);
        return flow.begin(session, user.userId(), scopes, ReturnTargets.sanitize(returnTo), view.mailboxAddress());
    }

    /**
     * Finishes a callback: refuses a missing, unknown, used, expired or foreign state and a foreign issuer
     * before any token request (S-2, S-3, S-5), redeems the code, checks the mailbox and stores it.
     *
     * @param user the signed-in user
     * @param session the browser's session
     * @param params the callback's query parameters
     * @return what to show
     */
    public ConnectOutcome complete(CurrentUser user, HttpSession session, Map<String, String> params) {
        AuthorizationFlow.Callback callback = flow.finish(session, user.userId(), params);
        TokenResult result = callback.result();
        if (result == null) {
            return ConnectOutcome.failed(String.valueOf(callback.refusal()), callback.returnTo());
        }
        if (!(result instanceof TokenResult.Granted granted)) {
            String reason = result instanceof TokenResult.Refused refused
                    ? "Microsoft refused the sign-in (" + AuthorizationFlow.safeCode(refused.error()) + ")."
                    : "Microsoft's sign-in service is not answering; please try again in a minute.";
            audit.connectFailed(user, reason);
            return ConnectOutcome.failed(reason + " Nothing was connected.", callback.returnTo());
        }
        OAuthTokens tokens = granted.tokens();
        String mailbox;
        try {
            mailbox = check.mailboxAddress(provider.current().graphBaseUrl(), tokens.accessToken());
        } catch (MailboxCheck.CheckFailedException e) {
            String reason = String.valueOf(e.getMessage());
            audit.connectFailed(user, reason);
            return ConnectOutcome.failed(
                    "The mailbox check failed, so the connection was not activated. " + reason, callback.returnTo());
        }
        ConnectionView connection = store.connected(user, mailbox, tokens);
        return new ConnectOutcome(
                true,
                "Connected " + mailbox + " with " + String.join(", ", connection.scopes()) + ".",
                callback.returnTo(),
                connection.id());
    }
}
