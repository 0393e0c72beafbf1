package io.kubezen.watcher.controller.admin;

import io.kubezen.watcher.controller.gc.ObservationSelector;
import io.kubezen.watcher.controller.gc.StoredObservation;
import io.kubezen.watcher.controller.gc.Sweep;
import io.kubezen.watcher.controller.gc.SweepResult;
import io.kubezen.watcher.controller.gc.Sweeper;
import io.kubezen.watcher.http.AdminGuard;
import io.kubezen.watcher.http.ProblemException;
import io.kubezen.watcher.http.ProblemType;
import io.kubezen.watcher.install.Install;
import io.kubezen.watcher.store.StoreUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DELETE /api/v1/observations?olderThan=24h&source=falco&severity=low&namespace=prod&dryRun=true}: deletes
 * the Observations of this install the filters select (at least one is required), through GC's rate limit. With
 * {@code dryRun=true} it only counts them and shows a sample. Answers once done, so large deletions take a
 * while: try a dry run first. Served by every controller, leader or not.
 */
@Controller("/api/v1/observations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ObservationCleanupController {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationCleanupController.class);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private final AdminGuard guard;
    private final Sweeper sweeper;
    private final Install install;
    private final Clock clock;

    ObservationCleanupController(AdminGuard guard, Sweeper sweeper, Install install, Clock clock) {
        this.guard = guard;
        this.sweeper = sweeper;
        this.install = install;
        this.clock = clock;
    }

    @Delete
    HttpResponse<?> delete(HttpRequest<?> request, @Nullable @QueryValue String olderThan,
                           @Nullable @QueryValue String source, @Nullable @QueryValue String severity,
                           @Nullable @QueryValue String namespace,
                           @QueryValue(defaultValue = "false") boolean dryRun) throws InterruptedException {
        try {
            guard.check(request);
        } catch (ProblemException refused) {
            return refused.response(null);
        }
        if (olderThan == null && source == null && severity == null && namespace == null) {
            return ProblemType.INVALID_REQUEST.response(
                    "Give at least one filter: olderThan, source, severity or namespace.");
        }
        if (namespace != null && !install.owns(namespace)) {
            return ProblemType.INVALID_REQUEST.response("Namespace '" + namespace + "' is not one of install "
                    + install.name() + "'s namespaces " + install.namespaces() + ".");
        }
        Predicate<StoredObservation> condition = observation -> true;
        if (olderThan != null) {
            Optional<Duration> age = parse(olderThan);
            if (age.isEmpty()) {
                return ProblemType.INVALID_REQUEST.response("olderThan must be a duration such as 30m, 24h, 7d "
                        + "or PT12H, was '" + olderThan + "'.");
            }
            Instant cutoff = clock.instant().minus(age.get());
            condition = observation -> !observation.createdAt().isAfter(cutoff);
        }
        Sweep sweep = new Sweep(new ObservationSelector(namespace, source, severity), condition, dryRun, Sweep.MANUAL);
        try {
            SweepResult result = sweeper.sweep(sweep, delay -> {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
                return true;
            });
            if (!dryRun) {
                LOG.info("Cleanup deleted {} of {} matching Observations (olderThan={} source={} severity={} "
                        + "namespace={})", result.deleted(), result.matched(), olderThan, source, severity, namespace);
            }
            return HttpResponse.ok(new CleanupReport(dryRun, result.matched(), result.deleted(), result.sample()));
        } catch (StoreUnavailableException e) {
            return ProblemType.UNAVAILABLE.response("The Kubernetes API is not available: " + e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, "10");
        }
    }

    private static Optional<Duration> parse(String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return Optional.of(switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text)).filter(duration -> !duration.isNegative());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
