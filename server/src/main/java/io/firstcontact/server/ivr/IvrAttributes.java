package io.firstcontact.server.ivr;

import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.model.AttributeClass;
import java.util.List;

/**
 * How routing classifies what the IVR hands over with a caller: how the self-service went is shown on the advisor's
 * screen pop (DISPLAY); what identifies the caller or their payment — the references they keyed, the payment's
 * authorisation, the card's last four — is personal and sealed in the journal (PERSONAL).
 */
public final class IvrAttributes {
    /** The attributes the demo flows' collect steps name. */
    public static final String PCN_REFERENCE = "pcnReference";

    public static final String COUNCIL_TAX_REFERENCE = "councilTaxReference";

    private IvrAttributes() {}

    /** The definitions for a routing configuration whose callers come through the demo flows. */
    public static List<AttributeDefinition> definitions() {
        return List.of(
                new AttributeDefinition(IvrSession.REASON, AttributeClass.DISPLAY),
                new AttributeDefinition(IvrSession.SERVICE, AttributeClass.DISPLAY),
                new AttributeDefinition(IvrSession.OUTCOME, AttributeClass.DISPLAY),
                new AttributeDefinition(IvrSession.STEPS, AttributeClass.DISPLAY),
                new AttributeDefinition(IvrSession.PAYMENT_STATUS, AttributeClass.DISPLAY),
                new AttributeDefinition(IvrSession.PAYMENT_AMOUNT, AttributeClass.DISPLAY),
                new AttributeDefinition(PCN_REFERENCE, AttributeClass.PERSONAL),
                new AttributeDefinition(COUNCIL_TAX_REFERENCE, AttributeClass.PERSONAL),
                new AttributeDefinition(IvrSession.PAYMENT_AUTHORISATION, AttributeClass.PERSONAL),
                new AttributeDefinition(IvrSession.CARD_LAST_FOUR, AttributeClass.PERSONAL),
                new AttributeDefinition(IvrSession.PAYMENT_KEY, AttributeClass.PERSONAL));
    }
}
