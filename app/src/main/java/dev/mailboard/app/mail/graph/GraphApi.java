package dev.mailboard.app.mail.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The Graph calls Mailboard makes, as a Spring HTTP interface. Every call takes the
 * {@code Authorization} header value; calls on messages also take a {@code Prefer} header, which must ask
 * for immutable ids on every request.
 */
@HttpExchange(accept = "application/json")
interface GraphApi {

    @GetExchange("/me")
    GraphUser me(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam("$select") String select);

    @GetExchange("/me/mailFolders/{folder}")
    GraphFolder folder(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String folder,
            @RequestParam("$select") String select);

    @GetExchange("/me/mailFolders/{folder}/messages")
    GraphPage<GraphMessage> folderMessages(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String folder,
            @RequestParam("$top") int top,
            @RequestParam("$select") String select,
            @RequestParam("$orderby") String orderBy);

    @GetExchange("/me/messages/{id}")
    GraphMessage message(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String id,
            @RequestParam("$select") String select);

    @GetExchange("/me/messages/{id}/attachments")
    GraphPage<GraphAttachment> attachments(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String id,
            @RequestParam("$select") String select);

    @PostExchange(url = "/$batch", contentType = "application/json")
    GraphBatch.Response batch(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody GraphBatch.Request batch);

    @GetExchange("/me/mailFolders/{folder}/messages/delta")
    GraphDeltaPage deltaStart(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String folder,
            @RequestParam("$select") String select);

    /** A delta page from a checked {@code nextLink} or {@code deltaLink}, used verbatim. */
    @GetExchange
    GraphDeltaPage deltaPage(
            URI link,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer);

    @PostExchange(url = "/subscriptions", contentType = "application/json")
    GraphSubscription createSubscription(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @RequestBody NewSubscription subscription);

    @PatchExchange(url = "/subscriptions/{id}", contentType = "application/json")
    GraphSubscription updateSubscription(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody SubscriptionExpiry expiry);

    @DeleteExchange("/subscriptions/{id}")
    void deleteSubscription(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String id);

    @GetExchange("/subscriptions")
    GraphPage<GraphSubscription> subscriptions(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    /** A further page of subscriptions, from a checked {@code nextLink}. */
    @GetExchange
    GraphPage<GraphSubscription> subscriptionsPage(
            URI link, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);

    @PostExchange(url = "/me/sendMail", contentType = "application/json")
    void sendMail(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody SendMail mail);

    @PostExchange(url = "/me/messages", contentType = "application/json")
    GraphMessage createDraft(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @RequestBody OutgoingMessage draft);

    @PostExchange("/me/messages/{id}/send")
    void send(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String id);

    @PostExchange(url = "/me/messages/{id}/reply", contentType = "application/json")
    void reply(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestHeader("Prefer") String prefer,
            @PathVariable String id,
            @RequestBody Reply reply);

    /**
     * A folder's id.
     *
     * @param id the folder id
     * @param displayName its name
     */
    record GraphFolder(String id, @Nullable String displayName) {}

    /**
     * The body of a renewal.
     *
     * @param expirationDateTime the new expiry
     */
    record SubscriptionExpiry(java.time.Instant expirationDateTime) {}

    /**
     * The body of {@code sendMail}.
     *
     * @param message the message
     * @param saveToSentItems whether a copy goes to Sent Items
     */
    record SendMail(OutgoingMessage message, boolean saveToSentItems) {}

    /**
     * The body of a reply: a comment (put above the quoted original) and optional extra recipients. Graph
     * refuses a comment together with {@code message.body}.
     *
     * @param comment the reply text
     * @param message extra writable properties, for example recipients
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String comment, @Nullable OutgoingMessage message) {}
}
