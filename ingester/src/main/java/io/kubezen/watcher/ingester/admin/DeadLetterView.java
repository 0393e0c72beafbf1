package io.kubezen.watcher.ingester.admin;

import io.kubezen.watcher.queue.DeadLetter;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/** A dead letter as the admin API shows it, with the original entry's fields as they were queued. */
@Serdeable
record DeadLetterView(String id, Instant deadLetteredAt, String reason, String detail, int attempts,
                      String originalId, Map<String, String> entry) {

    static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.id(), letter.deadLetteredAt(), letter.reason(), letter.detail(),
                letter.attempts(), letter.originalId(), letter.fields());
    }
}
