package io.firstcontact.desktop.crosssell;

import io.firstcontact.router.api.model.Ids;
import java.util.List;
import java.util.Objects;

/**
 * When to suggest a digital service to the customer on the line, configured by administrators. Every condition given
 * must hold; a condition left out always holds. A service the customer already uses is never suggested.
 *
 * @param service the digital service's id, as recorded with the outcome ({@code online-account}, {@code pay-online})
 * @param label what the advisor reads ({@code Register for an online account})
 * @param pitch one line the advisor may say
 * @param when the conditions
 */
public record CrossSellRule(String service, String label, String pitch, When when) {
    public CrossSellRule {
        Ids.require(service, "cross-sell service");
        label = label == null || label.isBlank() ? service : label.strip();
        pitch = pitch == null ? "" : pitch.strip();
        when = Objects.requireNonNullElse(when, When.ALWAYS);
    }

    /**
     * @param reasons the contact's reason is one of these (empty: any)
     * @param channels the contact came on one of these channels (empty: any)
     * @param notRegisteredOnline the customer has no online account
     * @param paperCouncilTaxBill a live council-tax account of theirs is billed on paper
     * @param openPcn the customer has a PCN still to pay
     * @param withoutAlert the customer is not subscribed to this alert topic ({@code bin-day})
     */
    public record When(
            List<String> reasons,
            List<String> channels,
            boolean notRegisteredOnline,
            boolean paperCouncilTaxBill,
            boolean openPcn,
            String withoutAlert) {
        public static final When ALWAYS = new When(null, null, false, false, false, null);

        public When {
            reasons = List.copyOf(Objects.requireNonNullElse(reasons, List.of()));
            channels = List.copyOf(Objects.requireNonNullElse(channels, List.of()));
        }
    }
}
