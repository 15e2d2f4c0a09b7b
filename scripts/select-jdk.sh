# Sourced by the project's scripts: exports JAVA_HOME as a JDK >= 21 (the given one if it is new enough, else the
# newest under /usr/lib/jvm), or exits with a clear message.
readonly FC_MIN_JAVA=21

fc_java_major() {
    local version
    version="$("$1" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1)" || return 0
    [[ -n "$version" ]] || return 0
    if [[ "$version" == 1.* ]]; then
        version="${version#1.}"
    fi
    version="${version%%[!0-9]*}"
    [[ -n "$version" ]] && echo "$version"
    return 0
}

fc_usable_jdk() {
    local home="$1" major
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
    major="$(fc_java_major "$home/bin/java")"
    [[ -n "$major" && "$major" -ge "$FC_MIN_JAVA" ]]
}

fc_select_jdk() {
    if [[ -n "${JAVA_HOME:-}" ]] && fc_usable_jdk "$JAVA_HOME"; then
        echo "$JAVA_HOME"
        return 0
    fi
    local best="" best_major=0 home major
    for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [[ -d "$home" ]] || continue
        fc_usable_jdk "$home" || continue
        major="$(fc_java_major "$home/bin/java")"
        if (( major > best_major )); then
            best="$home"
            best_major="$major"
        fi
    done
    [[ -n "$best" ]] || return 1
    echo "$best"
}

fc_original_java_home="${JAVA_HOME:-<unset>}"
if ! JAVA_HOME="$(fc_select_jdk)"; then
    echo "error: FirstContact needs a JDK ${FC_MIN_JAVA} or newer, and none was found." >&2
    echo "       JAVA_HOME is '${fc_original_java_home}'; nothing suitable under /usr/lib/jvm either." >&2
    echo "       Install a JDK ${FC_MIN_JAVA}+ or set JAVA_HOME to one." >&2
    exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# The server's JVM flags unless FC_JAVA_OPTS names others: a fixed 2 GiB heap, touched at start, on generational ZGC,
# whose pauses stay under a millisecond (G1's young pauses were part of the routing latency's tail). Generational ZGC
# is the default from JDK 23; JDK 21 and 22 need it asked for.
fc_server_jvm_flags() {
    local flags="-Xms2g -Xmx2g -XX:+UseZGC -XX:+AlwaysPreTouch"
    if (( $(fc_java_major "$JAVA_HOME/bin/java") < 23 )); then
        flags="$flags -XX:+ZGenerational"
    fi
    echo "$flags"
}

# What the embedded Hazelcast member (the account-context cache) needs on JDK 17+; without them it runs, and warns.
# The same list as EmbeddedMember.JVM_FLAGS and the root pom's hazelcast.jvm.flags (a server test compares them).
# The last one exists from JDK 23 (older JDKs refuse an option they do not know).
fc_hazelcast_jvm_flags() {
    local flags="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED"
    flags="$flags --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
    flags="$flags --add-opens java.management/sun.management=ALL-UNNAMED"
    flags="$flags --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
    if (( $(fc_java_major "$JAVA_HOME/bin/java") >= 23 )); then
        flags="$flags --sun-misc-unsafe-memory-access=allow"
    fi
    echo "$flags"
}
