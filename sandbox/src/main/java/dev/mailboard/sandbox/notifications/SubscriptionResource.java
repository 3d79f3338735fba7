package dev.mailboard.sandbox.notifications;

import dev.mailboard.sandbox.store.Mailbox;
import dev.mailboard.sandbox.store.Mailboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses a subscription's {@code resource}: {@code me/messages}, {@code users/{id}/mailFolders('Inbox')/messages}. */
record SubscriptionResource(Mailbox mailbox, @Nullable String folderId) {

    private static final Pattern KEYED = Pattern.compile("^([A-Za-z]+)\\('(.*)'\\)$");

    static SubscriptionResource parse(String resource, String callerId, Mailboxes mailboxes) {
        var path = resource.contains("?") ? resource.substring(0, resource.indexOf('?')) : resource;
        var segments = segments(path);
        int i;
        Mailbox mailbox;
        if (!segments.isEmpty() && segments.get(0).equalsIgnoreCase("me")) {
            mailbox = mailboxes.find(callerId).orElseThrow(() -> unsupported(resource));
            i = 1;
        } else if (segments.size() > 1 && segments.get(0).equalsIgnoreCase("users")) {
            mailbox = mailboxes.find(segments.get(1)).orElseThrow(() -> unsupported(resource));
            i = 2;
        } else {
            throw unsupported(resource);
        }
        if (!mailbox.id().equals(callerId)) {
            throw new SubscriptionException(
                    403,
                    "ExtensionError",
                    "Operation: Create; Exception: [Status Code:"
                            + " Forbidden; Reason: Delegated permissions only reach the signed-in user's mailbox.]");
        }
        if (segments.size() == i + 1 && segments.get(i).equalsIgnoreCase("messages")) {
            return new SubscriptionResource(mailbox, null);
        }
        if (segments.size() == i + 3
                && segments.get(i).equalsIgnoreCase("mailFolders")
                && segments.get(i + 2).equalsIgnoreCase("messages")) {
            var folder = mailbox.folder(segments.get(i + 1)).orElseThrow(() -> unsupported(resource));
            return new SubscriptionResource(mailbox, folder.id());
        }
        throw unsupported(resource);
    }

    private static List<String> segments(String path) {
        var result = new ArrayList<String>();
        for (var part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            var keyed = KEYED.matcher(part);
            if (keyed.matches()) {
                result.add(keyed.group(1));
                result.add(keyed.group(2));
            } else {
                result.add(part);
            }
        }
        return result;
    }

    private static SubscriptionException unsupported(String resource) {
        return SubscriptionException.invalid("Resource '" + resource + "' is not a supported message resource.");
    }
}
