package io.kubezen.watcher.controller.informer;

/**
 * What one sync of one object did.
 *
 * @param findings   findings the object holds now (after the filter)
 * @param handedOver findings new since the last sync, handed to dedup and the queue
 * @param queued     of those, the ones dedup let through to the queue
 */
public record SyncResult(int findings, int handedOver, int queued) {

    public static final SyncResult NOTHING = new SyncResult(0, 0, 0);
}
