package io.kubezen.watcher.controller.leader;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every leadership event it is told, in order. */
public final class RecordingListener implements LeadershipListener {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void acquired(LeadershipAcquired event) {
        events.add(event);
    }

    @Override
    public void lost(LeadershipLost event) {
        events.add(event);
    }

    public List<Object> events() {
        return List.copyOf(events);
    }

    public boolean isLeading() {
        List<Object> all = events();
        return !all.isEmpty() && all.get(all.size() - 1) instanceof LeadershipAcquired;
    }
}
