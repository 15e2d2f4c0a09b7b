package io.firstcontact.server.ivr;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.ivr.calendar.EmergencyClosures;
import io.firstcontact.ivr.flow.FlowsCheck;
import io.firstcontact.ivr.flow.FlowsReader;
import io.firstcontact.ivr.flow.InvalidFlowsException;
import io.firstcontact.ivr.payment.SandboxGateway;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.ivr.run.IvrPorts;
import io.firstcontact.ivr.text.TextIvr;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.CallRecording;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's IVR: the flows (the configured file, or the demo's in demo mode; the newest version put in force
 * through the admin API wins, kept in {@code dataDir/ivr/flows}), checked against routing's queues at start-up; the
 * emergency closures ({@code dataDir/ivr/closures.json}); the sandbox payment gateway; receipts through the centre's notifier
 * (SMS gateway or email, else their log sinks); and
 * the chats of its text front end.
 */
public final class IvrService {
    private static final Logger LOG = LoggerFactory.getLogger(IvrService.class);

    private final Ivr ivr;
    private final TextIvr text;
    private final Conversations conversations;

    private IvrService(Ivr ivr, RoutingPort routing, int maxConversations) {
        this.ivr = ivr;
        this.text = new TextIvr(ivr);
        this.conversations = new Conversations(text, routing, maxConversations);
    }

    /**
     * The IVR, or null when none is configured (production mode without {@code ivr.flows}).
     *
     * @param routingConfig routing's configuration now, which the flows' queues are checked against
     * @throws InvalidFlowsException naming every problem when the flows do not hold together: the server refuses
     *     to start
     */
    public static IvrService start(
            ServerConfig config,
            RoutingPort routing,
            Supplier<RoutingConfig> routingConfig,
            AccountDirectory accounts,
            Notifier receipts,
            InstantSource clock) {
        ServerConfig.Ivr options = config.ivr();
        JsonNode flows;
        if (options.flows() != null) {
            flows = read(options.flows());
        } else if (config.demoMode()) {
            flows = FlowBook.demo();
        } else {
            LOG.info("no IVR: ivr.flows names no flows file");
            return null;
        }
        if (!config.demoMode()) {
            LOG.warn("IVR payments go to the sandbox gateway (test cards only, no money is taken): no acquirer's"
                    + " connector is configured");
        }
        Path dir = config.dataDir().resolve("ivr");
        ClosureFile closureFile = new ClosureFile(dir.resolve("closures.json"));
        EmergencyClosures closures = new EmergencyClosures(closureFile.read(), closureFile::write);
        FlowBook book = new FlowBook(flows, dir.resolve("flows"), () -> routing(routingConfig.get()));
        SandboxGateway gateway = new SandboxGateway(clock);
        IvrPorts ports = new IvrPorts(
                routing,
                accounts,
                gateway,
                receipts,
                CallRecording.NONE, // calls bring their own: the voice adapter's
                options.gatewayTimeout(),
                options.backOfficeTimeout());
        return new IvrService(new Ivr(book, closures, ports, clock), routing, options.maxConversations());
    }

    /** What the flows' queue steps are checked against: routing's queues (with their channels) and skills. */
    public static FlowsCheck.Routing routing(RoutingConfig c) {
        Map<String, String> queues = new LinkedHashMap<>();
        for (QueueConfig q : c.queues()) {
            queues.put(q.id(), q.channel());
        }
        return new FlowsCheck.Routing(queues, Set.copyOf(c.skills()));
    }

    public Ivr ivr() {
        return ivr;
    }

    public TextIvr text() {
        return text;
    }

    public Conversations conversations() {
        return conversations;
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return FlowsReader.tree(in);
        } catch (InvalidFlowsException e) {
            throw new InvalidFlowsException(
                    e.problems().stream().map(p -> file + ": " + p).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("the IVR flows file " + file + " cannot be read", e);
        }
    }
}
