package io.firstcontact.ivr.rig;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.ivr.calendar.EmergencyClosures;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.flow.FlowsCheck;
import io.firstcontact.ivr.payment.PaymentGateway;
import io.firstcontact.ivr.payment.SandboxGateway;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.ivr.run.IvrPorts;
import io.firstcontact.router.api.port.RoutingPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * An IVR with every port in memory: the demo flows (or others), the {@link Residents}, the sandbox gateway, a
 * recording switch, an outbox, a routing port that keeps commands, and a clock that moves only when told.
 */
public final class Rig {
    /** The demo centre's queues and skills, which the demo flows name. */
    public static final FlowsCheck.Routing DEMO_ROUTING = new FlowsCheck.Routing(
            java.util.Map.of(
                    "council-tax", "voice",
                    "parking", "voice",
                    "waste", "voice",
                    "housing", "voice",
                    "general", "voice",
                    "web-chat", "chat",
                    "email", "email"),
            Set.of("council-tax", "benefits", "parking", "waste", "housing", "written"));

    public final SteppedClock clock;
    public final Residents residents = new Residents();
    public final RecordingSwitch recording = new RecordingSwitch();
    public final Outbox outbox = new Outbox();
    public final EmergencyClosures closures = EmergencyClosures.none();
    public final RoutingPort routing;
    public final RecordedRouting recorded;
    public PaymentGateway gateway;
    public final SandboxGateway sandbox;
    private final Ivr ivr;

    /** The demo flows on a Tuesday morning in May 2026, the office open. */
    public Rig() {
        this(FlowBook.demo());
    }

    public Rig(JsonNode flows) {
        this(flows, SteppedClock.londonAt("2026-05-05T11:00"), null);
    }

    /**
     * @param routing the routing the IVR records outcomes in (null: one that keeps the commands)
     */
    public Rig(JsonNode flows, SteppedClock clock, RoutingPort routing) {
        this.clock = clock;
        this.sandbox = new SandboxGateway(clock);
        this.gateway = sandbox;
        this.recorded = routing == null ? new RecordedRouting() : null;
        this.routing = routing == null ? recorded : routing;
        PaymentGateway switchable = request -> gateway.authorise(request);
        IvrPorts ports = new IvrPorts(
                this.routing, residents, switchable, outbox, recording, Duration.ofSeconds(5), Duration.ofSeconds(5));
        this.ivr = new Ivr(new FlowBook(flows, (Path) null, () -> DEMO_ROUTING), closures, ports, clock);
    }

    public Ivr ivr() {
        return ivr;
    }

    /** A call from {@code number} (E.164, or null for a withheld number). */
    public Conversation call(String number) {
        return Conversation.start(
                ivr, new Call("call-" + Long.toHexString(System.nanoTime()), "voice", number, null, null));
    }

    public Conversation call(Call call) {
        return Conversation.start(ivr, call);
    }
}
