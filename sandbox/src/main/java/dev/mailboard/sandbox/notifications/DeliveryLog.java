package dev.mailboard.sandbox.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The most recent notification deliveries with their outcome, newest first. */
public final class DeliveryLog {

    private static final int CAPACITY = 500;

    private final ConcurrentLinkedDeque<Delivery> entries = new ConcurrentLinkedDeque<>();

    void add(Delivery delivery) {
        entries.addFirst(delivery);
        while (entries.size() > CAPACITY) {
            entries.pollLast();
        }
    }

    /** The recent deliveries, newest first. */
    public List<Delivery> recent() {
        return new ArrayList<>(entries);
    }
}
