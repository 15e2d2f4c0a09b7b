package io.firstcontact.channels.voice.agi;

import io.firstcontact.channels.voice.VoiceOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;
import org.asteriskjava.fastagi.internal.FastAgiConnectionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI front end: the dialplan's {@code AGI(agi://host:port/<script>)} lands here. Each session runs
 * Asterisk-Java's FastAGI handler on its own virtual thread (never a platform thread each), so a thousand callers in
 * scripts at once cost a few kilobytes each; beyond {@code maxSessions} a connection is closed at once (Asterisk then
 * carries on in the dialplan with {@code AGISTATUS=FAILURE}), so memory stays bounded. The script is chosen by the URL's
 * path ({@code agi_network_script}).
 */
public final class AgiFrontEnd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgiFrontEnd.class);

    private final VoiceOptions.Agi options;
    private final MappingStrategy scripts;
    private final Semaphore sessions;
    private final AtomicInteger active = new AtomicInteger();
    private final DefaultAgiChannelFactory channels = new DefaultAgiChannelFactory();
    private volatile ServerSocket listener;

    public AgiFrontEnd(VoiceOptions.Agi options, Map<String, AgiScript> scripts) {
        this.options = options;
        Map<String, AgiScript> byName = Map.copyOf(scripts);
        this.scripts = (request, channel) -> {
            String name = request.getScript();
            AgiScript s = name == null ? null : byName.get(name);
            if (s == null) {
                LOG.warn(
                        "FastAGI: the dialplan asked for script '{}', which FirstContact does not have (scripts: {})",
                        name,
                        byName.keySet());
            }
            return s;
        };
        this.sessions = new Semaphore(options.maxSessions());
    }

    /** Binds and starts accepting; returns the bound port. */
    public int start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 1_024);
        listener = s;
        Thread.ofVirtual().name("agi-accept").start(() -> accept(s));
        LOG.info("FastAGI listening on {}:{}", options.host(), s.getLocalPort());
        return s.getLocalPort();
    }

    public int port() {
        ServerSocket s = listener;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Sessions running now. */
    public int activeSessions() {
        return active.get();
    }

    private void accept(ServerSocket s) {
        AtomicInteger ids = new AtomicInteger();
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.warn("FastAGI: accept failed: {}", e.getMessage());
                }
                continue;
            }
            if (!sessions.tryAcquire()) {
                LOG.warn(
                        "FastAGI: {} sessions already run; a new one is refused (voice.agi.maxSessions)",
                        options.maxSessions());
                close(socket);
                continue;
            }
            Thread.ofVirtual().name("agi-" + ids.incrementAndGet()).start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        active.incrementAndGet();
        try {
            socket.setTcpNoDelay(true);
            new FastAgiConnectionHandler(scripts, new AgiSocket(socket), channels).run();
        } catch (IOException e) {
            LOG.debug("FastAGI: a session could not start: {}", e.getMessage());
            close(socket);
        } finally {
            active.decrementAndGet();
            sessions.release();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() {
        ServerSocket s = listener;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("FastAGI: closing: {}", e.getMessage());
            }
        }
    }
}
