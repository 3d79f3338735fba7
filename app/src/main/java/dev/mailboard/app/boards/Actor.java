package dev.mailboard.app.boards;

import dev.mailboard.app.accounts.CurrentUser;
import dev.mailboard.app.accounts.UserId;
import java.util.Objects;

/**
 * Who acts on a board: a user, or an integration acting for the user who owns it. Access is always
 * checked as that user, so an integration can do no more than its owner (S-47).
 */
public sealed interface Actor permits Actor.Person, Actor.Integration {

    /**
     * The user whose board access applies.
     *
     * @return the user
     */
    UserId userId();

    /**
     * A user acting in person.
     *
     * @param userId the user
     * @return the actor
     */
    static Actor user(UserId userId) {
        return new Person(userId);
    }

    /**
     * The signed-in user of a request.
     *
     * @param user the user
     * @return the actor
     */
    static Actor of(CurrentUser user) {
        return new Person(user.userId());
    }

    /**
     * An integration (for example an email recipe) acting for its owner.
     *
     * @param owner the user who owns the integration
     * @param name the integration's name, for example {@code Support inbox}
     * @param sourceEmail the address the email that caused the action came from
     * @return the actor; what it writes is shown as "via email from {@code sourceEmail}"
     */
    static Actor integration(UserId owner, String name, String sourceEmail) {
        return new Integration(owner, name, sourceEmail);
    }

    /**
     * A user acting in person.
     *
     * @param userId the user
     */
    record Person(UserId userId) implements Actor {

        /** Checks the user is present. */
        public Person {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * An integration acting for its owner.
     *
     * @param userId the owner
     * @param name the integration's name
     * @param sourceEmail the sender of the email that caused the action
     */
    record Integration(UserId userId, String name, String sourceEmail) implements Actor {

        /** Checks the parts are present. */
        public Integration {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sourceEmail, "sourceEmail");
        }
    }
}
