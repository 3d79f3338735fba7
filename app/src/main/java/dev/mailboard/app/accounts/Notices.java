package dev.mailboard.app.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices that a user must see and may have to act on, shown in the page header until read: for example
 * that a mailbox needs reconnecting. Other modules post them; users read their own only.
 */
@Service
public class Notices {

    private static final int MAX_TEXT = 1000;

    private final NoticeRepository notices;
    private final UserRepository users;
    private final Clock clock;

    Notices(NoticeRepository notices, UserRepository users, Clock clock) {
        this.notices = notices;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Posts a notice to one user of an account.
     *
     * @param account the account
     * @param user the user
     * @param text what happened and what to do; plain text
     * @param link a relative link to where the user can act, or null
     */
    @Transactional
    public void post(AccountId account, UserId user, String text, @Nullable String link) {
        notices.insert(account, user, clip(text), relative(link), clock.instant());
    }

    /**
     * Posts a notice to every active admin of an account, except {@code skip} (who got a notice of their own).
     *
     * @param account the account
     * @param skip a user not to notify, or null
     * @param text what happened and what to do; plain text
     * @param link a relative link to where admins can act, or null
     */
    @Transactional
    public void postToAdmins(AccountId account, @Nullable UserId skip, String text, @Nullable String link) {
        for (UserView user : users.findByAccount(account)) {
            if (user.role() == Role.ADMIN && user.isActive() && !user.id().equals(skip)) {
                notices.insert(account, user.id(), clip(text), relative(link), clock.instant());
            }
        }
    }

    /**
     * How many notices a user has not seen.
     *
     * @param user the user
     * @return the count
     */
    @Transactional(readOnly = true)
    public long unreadCount(UserId user) {
        return notices.countUnread(user);
    }

    /**
     * A user's newest notices, newest first.
     *
     * @param user the user
     * @param limit how many at most
     * @return the notices
     */
    @Transactional(readOnly = true)
    public List<NoticeView> recent(UserId user, int limit) {
        return notices.recent(user, limit);
    }

    /**
     * Marks all of a user's notices as seen.
     *
     * @param user the user
     */
    @Transactional
    public void markAllRead(UserId user) {
        notices.markAllRead(user, clock.instant());
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static @Nullable String relative(@Nullable String link) {
        if (link == null) {
            return null;
        }
        String lower = link.toLowerCase(Locale.ROOT);
        boolean safe = link.startsWith("/") && !link.startsWith("//") && !link.contains("\\") && !lower.contains(":");
        if (!safe) {
            throw new IllegalArgumentException("a notice links only to a relative path on this site");
        }
        return link;
    }
}
