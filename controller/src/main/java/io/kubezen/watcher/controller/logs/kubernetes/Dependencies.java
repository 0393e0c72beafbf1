package io.kubezen.watcher.controller.logs.kubernetes;

import io.kubezen.watcher.controller.logs.LogPositionStore;
import io.kubezen.watcher.controller.logs.LogsOptions;
import io.kubezen.watcher.controller.logs.StreamSlots;
import io.kubezen.watcher.metrics.ObservedEvents;
import io.kubezen.watcher.pipeline.Admission;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/** What every source's follow shares: the API, the stores, the stream bound and the meters. */
record Dependencies(PodLogStreams streams, LogPositionStore positions, Admission admission, StreamSlots slots,
                    LogsOptions options, MeterRegistry registry, ObservedEvents observed, Clock clock) {
}
