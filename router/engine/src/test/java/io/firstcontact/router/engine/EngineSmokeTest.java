package io.firstcontact.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.SkillLevel;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void callIsOfferedAnsweredWrappedUpAndTheAdvisorIsFreeAgain() {
        Driver d = new Driver();
        d.configure(Centres.small());
        d.agent("ann", "council", "all", new SkillLevel("billing", 5));
        d.login("ann", true);
        Decision arrival = d.arrive("c1", "voice", "billing");
        assertThat(Driver.offers(arrival))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("ann"));
        String offer = Driver.offers(arrival).getFirst().offerId();
        d.accept(offer);
        assertThat(d.facts(Fact.AssignmentStarted.class)).hasSize(1);
        d.end("c1");
        assertThat(d.facts(Fact.WrapUpStarted.class)).hasSize(1);
        d.arrive("c2", "voice", "billing");
        assertThat(d.offers()).hasSize(1);
        d.advance(30_000);
        assertThat(d.facts(Fact.AssignmentEnded.class)).hasSize(1);
        assertThat(d.offers()).hasSize(2);
        assertThat(d.offers().get(1).interactionId()).isEqualTo("c2");
    }
}
