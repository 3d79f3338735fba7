package dev.mailboard.sandbox.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Signals that persistent state changed, so that the snapshot writer can schedule a write. */
public final class StateChanges {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Registers a callback run after every change. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Reports a change. */
    public void changed() {
        listeners.forEach(Runnable::run);
    }
}
