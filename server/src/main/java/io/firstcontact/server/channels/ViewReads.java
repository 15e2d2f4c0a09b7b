package io.firstcontact.server.channels;

import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.server.runtime.RoutingRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The channel edges' reads, answered on the engine's thread from the read model and from the dial numbers followed
 * beside it (where they live).
 */
public final class ViewReads implements LiveReads {
    private final RoutingRuntime runtime;
    private final LiveView view;
    private final DialNumbers dialNumbers;

    public ViewReads(RoutingRuntime runtime, LiveView view, DialNumbers dialNumbers) {
        this.runtime = runtime;
        this.view = view;
        this.dialNumbers = dialNumbers;
    }

    @Override
    public CompletionStage<Optional<DialOut>> dialOut(String interactionId) {
        return runtime.query(engine -> dialNumbers.of(interactionId));
    }

    @Override
    public CompletionStage<Optional<Standing>> standing(String interactionId) {
        return runtime.query(engine -> view.interaction(interactionId)
                .filter(i -> i.position() > 0 && i.queue() != null)
                .map(i -> new Standing(
                        i.queue(), i.position(), i.expectedWaitMillis() == null ? -1 : i.expectedWaitMillis())));
    }

    @Override
    public CompletionStage<Map<String, String>> advisorDevices() {
        return runtime.query(engine -> {
            Map<String, String> devices = new TreeMap<>();
            view.agents().forEach(a -> {
                if (a.phone() != null) {
                    devices.put(a.agentId(), a.phone());
                }
            });
            return devices;
        });
    }
}
