package io.firstcontact.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DemoCentreTest {
    private final DemoCentre centre = new DemoCentre();
    private final RoutingConfig config = centre.config();

    @Test
    void theCentreIsTheCouncilsInMiniature() {
        assertThat(config.queueIds())
                .containsExactly("council-tax", "parking", "waste", "housing", "general", "web-chat", "email");
        assertThat(config.channels()).extracting(c -> c.id()).containsExactly("voice", "chat", "email");
        assertThat(centre.agents()).hasSize(24);
        assertThat(centre.agents()).allSatisfy(a -> {
            assertThat(a.agentId()).matches("adv-\\d\\d");
            assertThat(a.skills()).as("multi-skilled").hasSizeGreaterThanOrEqualTo(3);
        });
        TreeSet<Integer> councilTaxLevels = new TreeSet<>();
        for (Command.DefineAgent a : centre.agents()) {
            a.skills().stream()
                    .filter(s -> s.skill().equals("council-tax"))
                    .map(SkillLevel::proficiency)
                    .forEach(councilTaxLevels::add);
        }
        assertThat(councilTaxLevels).as("different proficiencies").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void anAdvisorHoldsOneCallOrSeveralChats() {
        assertThat(config.utilisationProfiles()).allSatisfy(p -> {
            assertThat(p.capacity("voice").max()).isEqualTo(1);
            assertThat(p.capacity("voice").blocksWhileActive()).contains("chat", "email");
            assertThat(p.capacity("chat").max()).isBetween(2, 3);
        });
    }

    @Test
    void everyVoiceQueueHasSeveralAdvisorsWhoMeetItsRequirements() {
        for (String queue : DemoCentre.VOICE_QUEUES) {
            QueueConfig q = config.queue(queue);
            assertThat(q.serviceLevelThresholdMillis()).isEqualTo(30_000);
            assertThat(q.wrapUpMillis()).isEqualTo(30_000);
            assertThat(q.maxWaitMillis()).isPositive();
            long staffed = centre.agents().stream()
                    .filter(a -> config.routingProfile(a.routingProfile()).membership(queue) != null)
                    .filter(a -> meets(a.skills(), q.requirements()))
                    .count();
            assertThat(staffed).as("advisors for " + queue).isGreaterThanOrEqualTo(6);
        }
    }

    private static boolean meets(List<SkillLevel> skills, List<Requirement> requirements) {
        return requirements.stream()
                .allMatch(r -> skills.stream()
                        .anyMatch(s -> s.skill().equals(r.skill()) && s.proficiency() >= r.minProficiency()));
    }

    @Test
    void theEngineTakesTheSeedAsItIs() {
        VirtualCentre v = VirtualCentre.seeded(centre);

        assertThat(v.decisions()).hasSize(1 + 24 + 4).noneMatch(Decision::refused);
    }

    @Test
    void speedDividesEveryDuration() {
        RoutingConfig fast = new DemoCentre(10).config();

        QueueConfig councilTax = fast.queue("council-tax");
        assertThat(councilTax.serviceLevelThresholdMillis()).isEqualTo(3_000);
        assertThat(councilTax.wrapUpMillis()).isEqualTo(3_000);
        assertThat(councilTax.maxWaitMillis()).isEqualTo(60_000);
        assertThat(councilTax.relaxation().getFirst().afterMillis()).isEqualTo(6_000);
        assertThat(fast.channel("voice").offerTimeoutMillis()).isEqualTo(2_000);
        assertThat(new DemoCentre(100).config().channel("voice").offerTimeoutMillis())
                .as("the engine's shortest offer timeout")
                .isEqualTo(1_000);
    }

    @Test
    void aSpeedOutOfRangeIsRefused() {
        for (double speed : new double[] {0, -1, Double.NaN, 1_001, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new DemoCentre(speed)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
