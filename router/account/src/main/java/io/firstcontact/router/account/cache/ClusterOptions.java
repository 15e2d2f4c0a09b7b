package io.firstcontact.router.account.cache;

import java.util.List;
import java.util.Objects;

/**
 * The embedded Hazelcast member's place in its cluster. Members find each other only through the listed addresses
 * (TCP/IP join); multicast and cloud auto-detection are off, so a member never joins a cluster by accident.
 *
 * @param name the cluster's name: members of different names never join
 * @param host the address the member binds to and announces ({@code 127.0.0.1} alone; a routable address in a
 *     cluster)
 * @param port the first port tried; the next free one up to 100 further is taken if it is in use
 * @param members the other members' addresses ({@code host} or {@code host:port}); empty for a member on its own
 */
public record ClusterOptions(String name, String host, Integer port, List<String> members) {
    public static final String DEFAULT_NAME = "firstcontact";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5701;

    public static final ClusterOptions DEFAULT = new ClusterOptions(null, null, null, null);

    public ClusterOptions {
        name = Objects.requireNonNullElse(name, DEFAULT_NAME);
        host = Objects.requireNonNullElse(host, DEFAULT_HOST);
        port = Objects.requireNonNullElse(port, DEFAULT_PORT);
        members = List.copyOf(Objects.requireNonNullElse(members, List.of()));
        if (name.isBlank() || host.isBlank()) {
            throw new IllegalArgumentException("account.cluster.name and account.cluster.host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("account.cluster.port must be 1–65535");
        }
    }

    /** A member of cluster {@code name} on its own, on loopback. */
    public static ClusterOptions alone(String name) {
        return new ClusterOptions(name, null, null, null);
    }

    /** This member, joining the members at {@code addresses}. */
    public ClusterOptions joining(List<String> addresses) {
        return new ClusterOptions(name, host, port, addresses);
    }
}
