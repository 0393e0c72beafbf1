package io.kubezen.watcher.controller.projection;

/** The Ingesters of one leadership term: started once, closed when the term ends. */
public interface IngesterWatch extends IngesterLookup, AutoCloseable {

    void start();

    /** True once the first list of every watched namespace is in the cache. */
    boolean hasSynced();

    @Override
    void close();
}
