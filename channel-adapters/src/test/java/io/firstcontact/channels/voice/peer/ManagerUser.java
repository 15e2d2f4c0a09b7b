package io.firstcontact.channels.voice.peer;

import java.util.Set;

/** A {@code manager.conf} user of the peer: its secret, its read (event) classes and its write (action) classes. */
public record ManagerUser(String name, String secret, Set<String> read, Set<String> write) {}
