package dev.mailboard.app.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users one transaction has read. A recipe's run checks its owner, and then every board write it makes
 * checks the acting user again: with this memo, one transaction reads each user once. It is bound to its
 * transaction and let go when the transaction completes (a transaction started inside it has its own), so a new
 * transaction reads afresh; a write through {@link UserRepository} forgets the user it wrote, so the transaction
 * that wrote reads what it wrote. Outside a transaction, and while one completes, nothing is remembered.
 */
final class UserMemo extends ResourceHolderSupport {

    private final Map<UserId, Optional<UserRepository.StoredUser>> users = new HashMap<>();

    private UserMemo() {}

    /** Reads a user through the current transaction's memo, or straight away outside a transaction. */
    static Optional<UserRepository.StoredUser> find(
            UserId id, Function<UserId, Optional<UserRepository.StoredUser>> read) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.apply(id);
        }
        UserMemo memo = (UserMemo) TransactionSynchronizationManager.getResource(UserMemo.class);
        if (memo == null) {
            memo = new UserMemo();
            TransactionSynchronizationManager.bindResource(UserMemo.class, memo);
            TransactionSynchronizationManager.registerSynchronization(
                    new ResourceHolderSynchronization<>(memo, UserMemo.class) {});
        }
        Optional<UserRepository.StoredUser> known = memo.users.get(id);
        if (known == null) {
            known = read.apply(id);
            memo.users.put(id, known);
        }
        return known;
    }

    /** Forgets a user the current transaction is about to write. */
    static void forget(UserId id) {
        if (TransactionSynchronizationManager.getResource(UserMemo.class) instanceof UserMemo memo) {
            memo.users.remove(id);
        }
    }
}
