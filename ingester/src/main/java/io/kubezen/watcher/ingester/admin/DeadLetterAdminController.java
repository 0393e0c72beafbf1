package io.kubezen.watcher.ingester.admin;

import io.kubezen.watcher.http.AdminGuard;
import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;
import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.queue.DeadLetter;
import io.kubezen.watcher.queue.DeadLetters;
import io.kubezen.watcher.queue.EventQueue;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Dead letters for operators: list them with their reason, put them back on the queue once the cause is
 * fixed (a missing namespace created, RBAC granted), or delete them.
 */
@Controller("/api/v1/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
class DeadLetterAdminController {

    private static final String STORE = "the queue";

    private final DeadLetters deadLetters;
    private final AdminGuard guard;

    DeadLetterAdminController(EventQueue queue, AdminGuard guard) {
        this.deadLetters = queue.deadLetters();
        this.guard = guard;
    }

    @Get
    DeadLetterPageView list(HttpRequest<?> request, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        guard.check(request);
        int size = limit == null ? 100 : Math.max(1, Math.min(DedupAdminController.MAX_PAGE, limit));
        Page<DeadLetter> page = call(() -> deadLetters.list(cursor, size));
        return new DeadLetterPageView(page.items().stream().map(DeadLetterView::of).toList(), page.nextCursor());
    }

    @Post("/replay")
    Map<String, Long> replay(HttpRequest<?> request, @Body ReplayRequest replay) {
        guard.check(request);
        boolean all = Boolean.TRUE.equals(replay.all());
        if (all == (replay.ids() != null && !replay.ids().isEmpty())) {
            throw new BadReplayException();
        }
        long replayed = call(() -> all ? deadLetters.replayAll() : (long) deadLetters.replay(replay.ids()));
        return Map.of("replayed", replayed);
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(HttpRequest<?> request, String id) {
        guard.check(request);
        if (!call(() -> deadLetters.delete(id))) {
            throw new DeadLetterNotFoundException(id);
        }
        return HttpResponse.noContent();
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreUnavailableException e) {
            throw new UnavailableException(null, STORE, e);
        } catch (IllegalArgumentException e) {
            throw new BadIdException(e.getMessage());
        }
    }

    private static final class BadReplayException extends ProblemException {

        BadReplayException() {
            super(ProblemType.INVALID_REQUEST, "Give either \"ids\": [...] or \"all\": true.", null, "ids", Map.of());
        }
    }

    private static final class BadIdException extends ProblemException {

        BadIdException(String detail) {
            super(ProblemType.INVALID_REQUEST, detail, null, null, Map.of());
        }
    }

    private static final class DeadLetterNotFoundException extends ProblemException {

        DeadLetterNotFoundException(String id) {
            super(ProblemType.NOT_FOUND, "No dead letter with id " + id + ".", null, null, Map.of());
        }
    }
}
