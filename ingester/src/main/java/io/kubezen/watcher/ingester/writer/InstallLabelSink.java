package io.kubezen.watcher.ingester.writer;

import io.kubezen.watcher.model.ObservationLabels;

import java.util.List;

/**
 * Labels every Observation it creates with the install's name ({@link ObservationLabels#INSTALL}), whatever the
 * queue entry says, so that this install's GC and cleanup find it and another install's never do. Status updates
 * pass through: they do not touch labels.
 */
public final class InstallLabelSink implements ObservationSink {

    private final ObservationSink delegate;
    private final String install;

    public InstallLabelSink(ObservationSink delegate, String install) {
        this.delegate = delegate;
        this.install = install;
    }

    @Override
    public WriteResult write(ObservationWrite write) {
        return delegate.write(labelled(write));
    }

    @Override
    public List<WriteResult> writeAll(List<ObservationWrite> writes) {
        return delegate.writeAll(writes.stream().map(this::labelled).toList());
    }

    @Override
    public WriteResult updateStatus(StatusWrite update) {
        return delegate.updateStatus(update);
    }

    @Override
    public List<WriteResult> updateStatusAll(List<StatusWrite> updates) {
        return delegate.updateStatusAll(updates);
    }

    private ObservationWrite labelled(ObservationWrite write) {
        return write.withLabel(ObservationLabels.INSTALL, install);
    }
}
