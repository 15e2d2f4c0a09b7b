package io.firstcontact.metrics;

import io.firstcontact.router.api.port.HostObserver;
import java.util.List;

/** One {@link HostObserver} for the host that tells each of several binders what it measures. */
public final class HostObservers implements HostObserver {
    private final List<HostObserver> each;

    private HostObservers(List<HostObserver> each) {
        this.each = each;
    }

    public static HostObserver of(HostObserver... observers) {
        return new HostObservers(List.of(observers));
    }

    @Override
    public void sequenced(long nanos) {
        for (HostObserver o : each) {
            o.sequenced(nanos);
        }
    }

    @Override
    public void decided(String inputType, long nanos) {
        for (HostObserver o : each) {
            o.decided(inputType, nanos);
        }
    }

    @Override
    public void committed(int batchSize, long nanos) {
        for (HostObserver o : each) {
            o.committed(batchSize, nanos);
        }
    }

    @Override
    public void sentBehind(int batchSize) {
        for (HostObserver o : each) {
            o.sentBehind(batchSize);
        }
    }

    @Override
    public void deadlineLateness(long millis) {
        for (HostObserver o : each) {
            o.deadlineLateness(millis);
        }
    }

    @Override
    public void deposed(String reason) {
        for (HostObserver o : each) {
            o.deposed(reason);
        }
    }

    @Override
    public void journalFailed(Throwable cause) {
        for (HostObserver o : each) {
            o.journalFailed(cause);
        }
    }
}
