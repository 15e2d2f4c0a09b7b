# Sourced by ./mvnw, ./firstcontact and .ci/run (POSIX sh, so that the Maven wrapper can source it too): makes
# JAVA_HOME a JDK >= 21 — the one JAVA_HOME names if it is new enough, else the one `java` on the PATH belongs to if it
# is, else the newest under /usr/lib/jvm (or /Library/Java/JavaVirtualMachines) — or exits with a clear message.
FC_MIN_JAVA=21

# The major version of the java executable $1 (8 for "1.8.0_292", 25 for "25.0.1"), or nothing.
fc_java_major() {
    "$1" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1 | sed -e 's/^1\.//' -e 's/[^0-9].*$//'
}

# Whether $1 is a JDK home (java and javac) of at least FC_MIN_JAVA.
fc_usable_jdk() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    fc_usable_major="$(fc_java_major "$1/bin/java")"
    [ -n "$fc_usable_major" ] && [ "$fc_usable_major" -ge "$FC_MIN_JAVA" ]
}

# The home of the JDK that `java` on the PATH belongs to, or nothing.
fc_path_jdk() {
    fc_path_java="$(command -v java 2>/dev/null)" || return 0
    fc_path_java="$(readlink -f "$fc_path_java" 2>/dev/null)" || return 0
    echo "${fc_path_java%/bin/java}"
}

# Prints the JDK to use; fails if there is none.
fc_select_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && fc_usable_jdk "$JAVA_HOME"; then
        echo "$JAVA_HOME"
        return 0
    fi
    if [ -z "${JAVA_HOME:-}" ]; then
        fc_home="$(fc_path_jdk)"
        if [ -n "$fc_home" ] && fc_usable_jdk "$fc_home"; then
            echo "$fc_home"
            return 0
        fi
    fi
    fc_best="" fc_best_major=0
    case $- in *f*) fc_noglob=1 ;; *) fc_noglob="" ;; esac
    set +f
    for fc_home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$fc_home" ] && fc_usable_jdk "$fc_home" || continue
        if [ "$fc_usable_major" -gt "$fc_best_major" ]; then
            fc_best="$fc_home" fc_best_major="$fc_usable_major"
        fi
    done
    [ -z "$fc_noglob" ] || set -f
    [ -n "$fc_best" ] || return 1
    echo "$fc_best"
}

# What the user's JAVA_HOME or PATH gives, for the messages: "JAVA_HOME=/x (JDK 17)" or "java on the PATH (JDK 17)".
fc_given_jdk() {
    if [ -n "${JAVA_HOME:-}" ]; then
        fc_given_major="$(fc_java_major "$JAVA_HOME/bin/java" 2>/dev/null)" || :
        echo "JAVA_HOME=$JAVA_HOME (${fc_given_major:+JDK }${fc_given_major:-no java there})"
    elif command -v java >/dev/null 2>&1; then
        echo "java on the PATH (JDK $(fc_java_major java))"
    else
        echo "no JAVA_HOME and no java on the PATH"
    fi
}

if ! fc_selected="$(fc_select_jdk)"; then
    echo "error: FirstContact needs a JDK $FC_MIN_JAVA or newer, and none was found: $(fc_given_jdk)," >&2
    echo "       and nothing suitable under /usr/lib/jvm. Install a JDK $FC_MIN_JAVA+ or set JAVA_HOME to one." >&2
    exit 1
fi
if [ "$fc_selected" != "${JAVA_HOME:-$(fc_path_jdk)}" ]; then
    echo "note: $(fc_given_jdk) is not a JDK $FC_MIN_JAVA or newer; using $fc_selected" >&2
fi
JAVA_HOME="$fc_selected"
export JAVA_HOME
PATH="$JAVA_HOME/bin:$PATH"
export PATH

# The server's JVM flags unless FC_JAVA_OPTS names others: a fixed 2 GiB heap, touched at start, on generational ZGC,
# whose pauses stay under a millisecond (G1's young pauses were part of the routing latency's tail). Generational ZGC
# is the default from JDK 23; JDK 21 and 22 need it asked for.
fc_server_jvm_flags() {
    if [ "$(fc_java_major "$JAVA_HOME/bin/java")" -lt 23 ]; then
        echo "-Xms2g -Xmx2g -XX:+UseZGC -XX:+AlwaysPreTouch -XX:+ZGenerational"
    else
        echo "-Xms2g -Xmx2g -XX:+UseZGC -XX:+AlwaysPreTouch"
    fi
}

# What the embedded Hazelcast member (the account-context cache) needs on JDK 17+; without them it runs, and warns.
# The same list as EmbeddedMember.JVM_FLAGS and the root pom's hazelcast.jvm.flags (a server test compares them).
# The last one exists from JDK 23 (older JDKs refuse an option they do not know).
fc_hazelcast_jvm_flags() {
    fc_hz="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED"
    fc_hz="$fc_hz --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED"
    fc_hz="$fc_hz --add-opens java.management/sun.management=ALL-UNNAMED"
    fc_hz="$fc_hz --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
    if [ "$(fc_java_major "$JAVA_HOME/bin/java")" -ge 23 ]; then
        fc_hz="$fc_hz --sun-misc-unsafe-memory-access=allow"
    fi
    echo "$fc_hz"
}
