package io.kubezen.watcher.controller.gc.memory;

import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.ObservationStore;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.store.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Observations in a sorted map, in the API server's order ({@code namespace/name}). The cursor is the key of the
 * last item of the page; unlike the API server's, later pages see deletes made since the first one.
 */
public final class InMemoryObservationStore implements ObservationStore {

    private final NavigableMap<String, StoredObservation> observations = new ConcurrentSkipListMap<>();

    public void add(StoredObservation observation) {
        observations.put(observation.key(), observation);
    }

    @Override
    public Page<StoredObservation> list(ObservationSelector selector, String cursor, int limit) {
        Map<String, StoredObservation> after = cursor == null ? observations : observations.tailMap(cursor, false);
        List<StoredObservation> page = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, StoredObservation> entry : after.entrySet()) {
            if (page.size() == limit) {
                return new Page<>(page, last);
            }
            last = entry.getKey();
            if (selector.matches(entry.getValue())) {
                page.add(entry.getValue());
            }
        }
        return new Page<>(page, null);
    }

    @Override
    public boolean delete(StoredObservation observation) {
        AtomicBoolean deleted = new AtomicBoolean();
        observations.computeIfPresent(observation.key(), (key, stored) -> {
            deleted.set(stored.uid().equals(observation.uid()));
            return deleted.get() ? null : stored;
        });
        return deleted.get();
    }
}
