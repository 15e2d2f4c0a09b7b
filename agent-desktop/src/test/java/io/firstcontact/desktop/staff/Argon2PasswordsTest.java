package io.firstcontact.desktop.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {
    @Test
    void aPasswordIsHashedWithArgon2idAndASaltAndMatchesOnlyItself() {
        String a = Argon2Passwords.hash("open sesame");
        String b = Argon2Passwords.hash("open sesame");

        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(Argon2Passwords.matches("open sesame", a)).isTrue();
        assertThat(Argon2Passwords.matches("open sesame!", a)).isFalse();
        assertThat(Argon2Passwords.matches("open sesame", "$argon2id$garbage")).isFalse();
    }

    @Test
    void aConfiguredUserNeedsAnArgon2idHashAndAnAdvisorAnAgentId() {
        assertThatThrownBy(() -> new StaffUser("ann", null, "plain", List.of(StaffRole.ADVISOR), "a1"))
                .hasMessageContaining("Argon2id");
        String hash = Argon2Passwords.hash("x");
        assertThatThrownBy(() -> new StaffUser("ann", null, hash, List.of(StaffRole.ADVISOR), null))
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> new StaffUser("sam", null, hash, List.of(StaffRole.SUPERVISOR), "a1"))
                .hasMessageContaining("agentId");
        assertThatThrownBy(() -> new StaffUser("<b>", null, hash, List.of(StaffRole.ADMIN), null))
                .hasMessageContaining("username");
    }
}
