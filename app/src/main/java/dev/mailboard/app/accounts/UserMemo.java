package dev.mailboard.app.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * The users one transaction has read. A recipe's run checks its owner, and then every board write it makes
 * checks the acting user again: with this memo, one transaction reads each user once. It lives as long as its
 * transaction (the {@code transaction} scope), so a new transaction reads afresh; a write through
 * {@link UserRepository} forgets the user it wrote, so the transaction that wrote reads what it wrote.
 */
@Component
@Scope("transaction")
class UserMemo {

    private final Map<UserId, Optional<UserRepository.StoredUser>> users = new HashMap<>();

    Optional<UserRepository.StoredUser> find(UserId id, Function<UserId, Optional<UserRepository.StoredUser>> read) {
        Optional<UserRepository.StoredUser> known = users.get(id);
        if (known == null) {
            known = read.apply(id);
            users.put(id, known);
        }
        return known;
    }

    void forget(UserId id) {
        users.remove(id);
    }
}
