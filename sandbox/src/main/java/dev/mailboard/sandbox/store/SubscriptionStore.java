package dev.mailboard.sandbox.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every active subscription, by id. */
public final class SubscriptionStore {

    private final ConcurrentMap<String, SubscriptionRecord> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, java.util.Set<String>> idsByUser = new ConcurrentHashMap<>();
    private final StateChanges changes;

    public SubscriptionStore(StateChanges changes) {
        this.changes = changes;
    }

    /** Stores or replaces a subscription. */
    public void put(SubscriptionRecord subscription) {
        byId.put(subscription.id(), subscription);
        idsByUser
                .computeIfAbsent(subscription.userId(), k -> ConcurrentHashMap.newKeySet())
                .add(subscription.id());
        changes.changed();
    }

    /** Removes a subscription; empty if it did not exist. */
    public Optional<SubscriptionRecord> remove(String id) {
        var removed = Optional.ofNullable(byId.remove(id));
        removed.ifPresent(
                s -> idsByUser.getOrDefault(s.userId(), java.util.Set.of()).remove(id));
        changes.changed();
        return removed;
    }

    /** Finds a subscription. */
    public Optional<SubscriptionRecord> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every subscription. */
    public List<SubscriptionRecord> all() {
        return List.copyOf(byId.values());
    }

    /** The subscriptions on one mailbox. */
    public List<SubscriptionRecord> forUser(String userId) {
        return idsByUser.getOrDefault(userId, java.util.Set.of()).stream()
                .map(byId::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    Collection<SubscriptionRecord> snapshot() {
        return byId.values();
    }

    void restore(Collection<SubscriptionRecord> stored) {
        stored.forEach(s -> {
            byId.put(s.id(), s);
            idsByUser
                    .computeIfAbsent(s.userId(), k -> ConcurrentHashMap.newKeySet())
                    .add(s.id());
        });
    }
}
