package io.kubezen.watcher.store;

import java.util.List;

/**
 * One page of a listing. Pass {@code nextCursor} back to get the next page; it is null after the last one.
 *
 * @param nextCursor opaque; only meaningful to the store that returned it
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
