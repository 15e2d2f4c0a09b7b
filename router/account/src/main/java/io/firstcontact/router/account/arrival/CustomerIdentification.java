package io.firstcontact.router.account.arrival;

import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells routing who an interaction's customer turned out to be. A call arrives with the caller's number and no
 * {@code customerRef}; when the arrival's lookup — or one made again after a reference was keyed in the IVR — finds an
 * account, this submits {@code IdentifyCustomer} with the account's reference, so that the statistics count the
 * contact under that customer (first contact resolution across channels, cross-sell on calls).
 *
 * <p>A lookup by the customerRef itself identifies nobody new: {@link KeyAttributes} tries the interaction's own
 * reference first, so a lookup by anything else means the interaction arrived without one. Routing never waits for
 * this: it is submitted beside routing, and a submission that fails or is refused (the interaction ended meanwhile)
 * is logged and changes nothing.
 */
public final class CustomerIdentification implements Consumer<Resolution> {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerIdentification.class);
    /** The source of the commands it submits. */
    public static final String SOURCE = "account";

    private final Executor executor;
    private final LongAdder submitted = new LongAdder();
    private volatile RoutingPort routing;

    /** @param executor where commands are submitted from (never the engine thread) */
    public CustomerIdentification(Executor executor) {
        this.executor = executor;
    }

    /** Starts submitting identifications to {@code port}; until then lookups identify nobody to routing. */
    public void attach(RoutingPort port) {
        this.routing = port;
    }

    /** How many identifications were submitted. */
    public long submitted() {
        return submitted.sum();
    }

    /** Called with each finished arrival lookup (on any thread): submits what it found, never blocks. */
    @Override
    public void accept(Resolution r) {
        RoutingPort port = routing;
        if (port == null || r.account().isEmpty() || r.key().kind() == AccountKey.Kind.CUSTOMER_REF) {
            return;
        }
        Command identify = new Command.IdentifyCustomer(
                r.interactionId(), r.account().get().customerRef());
        submitted.increment();
        executor.execute(() -> port.submit(SOURCE, null, identify).whenComplete((d, e) -> {
            if (e != null) {
                LOG.warn("an identified customer could not be given to routing: {}", e.toString());
            } else if (d.refused() && d.effects().getFirst() instanceof Effect.Refused refused) {
                LOG.debug("routing refused an identified customer: {} ({})", refused.reason(), refused.message());
            }
        }));
    }
}
