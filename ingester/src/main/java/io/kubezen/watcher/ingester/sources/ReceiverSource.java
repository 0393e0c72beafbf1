package io.kubezen.watcher.ingester.sources;

import io.kubezen.watcher.config.ExpectationsSpec;
import io.kubezen.watcher.ingester.auth.SourceAuthenticator;
import io.kubezen.watcher.ingester.limit.LimitSettings;
import io.kubezen.watcher.pipeline.IngestPipeline;

/**
 * One webhook source as the receiver runs it: who may send, how much, and the compiled pipeline. Built once
 * per configuration load and shared by every request thread.
 *
 * @param expectations the spec's, for the silent-source alert; null when it sets none
 */
public record ReceiverSource(String name, IngestPipeline pipeline, SourceAuthenticator authenticator,
                             LimitSettings limits, ExpectationsSpec expectations) {
}
