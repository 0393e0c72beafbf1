package io.kubezen.watcher.ingester.admin;

import io.kubezen.watcher.dedup.DedupRecord;
import io.kubezen.watcher.dedup.DedupStore;
import io.kubezen.watcher.http.AdminGuard;
import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;
import io.kubezen.watcher.ingester.http.UnavailableException;
import io.kubezen.watcher.store.Page;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Dedup inspection for operators: list a source's records (SCAN-based, paged), show one fingerprint, forget
 * one so that its next occurrence is accepted again.
 */
@Controller("/api/v1/dedup")
@ExecuteOn(TaskExecutors.BLOCKING)
class DedupAdminController {

    static final int MAX_PAGE = 1000;

    private final DedupStore store;
    private final AdminGuard guard;

    DedupAdminController(DedupStore store, AdminGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    @Get("/{source}")
    DedupPageView list(HttpRequest<?> request, String source, @Nullable @QueryValue String cursor,
                       @Nullable @QueryValue Integer limit) {
        guard.check(request);
        int size = limit == null ? 100 : Math.max(1, Math.min(MAX_PAGE, limit));
        Page<DedupRecord> page = call(source, () -> store.list(source, cursor, size));
        return new DedupPageView(page.items().stream().map(DedupRecordView::of).toList(), page.nextCursor());
    }

    @Get("/{source}/{fingerprint}")
    DedupRecordView show(HttpRequest<?> request, String source, String fingerprint) {
        guard.check(request);
        return call(source, () -> store.get(source, fingerprint)).map(DedupRecordView::of)
                .orElseThrow(() -> new RecordNotFoundException(source, fingerprint));
    }

    @Delete("/{source}/{fingerprint}")
    HttpResponse<Void> forget(HttpRequest<?> request, String source, String fingerprint) {
        guard.check(request);
        if (!call(source, () -> store.forget(source, fingerprint))) {
            throw new RecordNotFoundException(source, fingerprint);
        }
        return HttpResponse.noContent();
    }

    private static <T> T call(String source, Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreUnavailableException e) {
            throw new UnavailableException(source, "the dedup store", e);
        } catch (IllegalArgumentException e) {
            throw new BadSourceNameException(source, e.getMessage());
        }
    }

    private static final class RecordNotFoundException extends ProblemException {

        RecordNotFoundException(String source, String fingerprint) {
            super(ProblemType.NOT_FOUND, "No dedup record for fingerprint " + fingerprint + " of source '" + source
                    + "': it never existed or its window has ended.", source, null, Map.of());
        }
    }

    private static final class BadSourceNameException extends ProblemException {

        BadSourceNameException(String source, String detail) {
            super(ProblemType.INVALID_REQUEST, detail, source, null, Map.of());
        }
    }
}
