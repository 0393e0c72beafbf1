package io.kubezen.watcher.queue;

import java.time.Instant;
import java.util.Map;

/**
 * An entry the writers gave up on, as stored in the dead letters.
 *
 * @param id             its id among the dead letters, for {@link DeadLetters#replay} and {@link DeadLetters#delete}
 * @param deadLetteredAt when it was moved there
 * @param reason         a short word from the writer's set, fit for a metric tag ({@code invalid}, {@code forbidden},
 *                       {@code denied}, {@code max_deliveries}, …)
 * @param detail         the free text that says what went wrong, for the operator; may be empty
 * @param attempts       how many times the writer tried it
 * @param originalId     its id in the queue when it was given up on
 * @param fields         its queue fields, unchanged, so it can be replayed as it was
 */
public record DeadLetter(String id, Instant deadLetteredAt, String reason, String detail, int attempts,
                         String originalId, Map<String, String> fields) {

    public DeadLetter {
        fields = Map.copyOf(fields);
    }

    /** @throws IllegalArgumentException when the fields do not hold a valid queue item */
    public QueueItem item() {
        return QueuedObservationCodec.decode(fields);
    }
}
