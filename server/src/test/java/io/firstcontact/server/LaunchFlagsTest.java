package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.account.cache.EmbeddedMember;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's JVM flags are written in three places that cannot share code — the Java list, the run script and the
 * build's test JVMs — so this holds them to one list.
 */
class LaunchFlagsTest {

    @Test
    void theRunScriptAndTheTestJvmsGiveHazelcastTheFlagsTheServerDeclares() throws Exception {
        String script = Files.readString(Path.of("../scripts/select-jdk.sh"));
        String pom = Files.readString(Path.of("../pom.xml"));
        for (String flag : pairs(EmbeddedMember.JVM_FLAGS)) {
            assertThat(script).as("scripts/select-jdk.sh").contains(flag);
            assertThat(pom).as("the root pom").contains(flag);
        }
        assertThat(Files.readString(Path.of("../firstcontact"))).contains("$(fc_hazelcast_jvm_flags)");
    }

    /** "--add-opens" and its value as one string, as the script and the pom write them. */
    private static List<String> pairs(List<String> flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String f = flags.get(i);
            if (!f.contains("=") && i + 1 < flags.size() && !flags.get(i + 1).startsWith("--")) {
                out.add(f + " " + flags.get(++i));
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
