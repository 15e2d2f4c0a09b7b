package io.firstcontact.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.rig.Conversation;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import org.junit.jupiter.api.Test;

/** A caller the IVR finds in the back office is named to routing, so that their contact counts as theirs. */
class CallerIdentificationTest {
    private static final String STRANGER = "+447700900999";

    private final Rig rig = new Rig();

    @Test
    void aCallerFromAnUnknownNumberWhoKeysTheirPcnIsNamedAsItsCustomer() {
        Conversation c = rig.call(STRANGER).key("1").key(Residents.keyed(Residents.PCN_OPEN));

        assertThat(rig.recorded.identified()).containsExactly(c.interactionId() + " C-100001");
    }

    @Test
    void aCallThatCameWithItsCustomerRefIsNotNamedAgain() {
        rig.call(new Call("call-known", "voice", STRANGER, null, "C-100001"))
                .key("1")
                .key(Residents.keyed(Residents.PCN_OPEN));

        assertThat(rig.recorded.identified()).isEmpty();
    }

    @Test
    void aPcnNobodyHoldsNamesNobody() {
        rig.call(STRANGER).key("1").key(Residents.keyed(Residents.PCN_UNKNOWN));

        assertThat(rig.recorded.identified()).isEmpty();
    }
}
