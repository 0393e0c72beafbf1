package io.kubezen.watcher.testing.kube;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Which requests arrived, and which faults are still armed. Thread-safe. */
final class RequestJournal {

    private final Object lock = new Object();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<ArmedFault> faults = new ArrayList<>();
    private final Clock clock;

    RequestJournal(Clock clock) {
        this.clock = clock;
    }

    void arm(Fault fault) {
        synchronized (lock) {
            faults.add(new ArmedFault(fault, fault.times()));
        }
    }

    /**
     * Records the request and returns the first armed fault it triggers, or null.
     *
     * @param authorization the request's {@code Authorization} header, or null
     */
    Fault record(String method, String path, String authorization) {
        synchronized (lock) {
            requests.add(new RecordedRequest(clock.instant(), method, path, RecordedRequest.bearerToken(authorization)));
            Iterator<ArmedFault> armed = faults.iterator();
            while (armed.hasNext()) {
                ArmedFault candidate = armed.next();
                if (candidate.fault.matches(method, path)) {
                    if (--candidate.remaining == 0) {
                        armed.remove();
                    }
                    return candidate.fault;
                }
            }
            return null;
        }
    }

    int count(String method, String pathRegex) {
        return matching(method, pathRegex).size();
    }

    List<RecordedRequest> matching(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        synchronized (lock) {
            return requests.stream()
                    .filter(r -> (method == null || method.equalsIgnoreCase(r.method())) && path.matcher(r.path()).matches())
                    .toList();
        }
    }

    private static final class ArmedFault {
        private final Fault fault;
        private int remaining;

        private ArmedFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
