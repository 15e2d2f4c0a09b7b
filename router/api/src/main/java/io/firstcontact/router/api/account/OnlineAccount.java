package io.firstcontact.router.api.account;

import java.time.LocalDate;
import java.util.List;

/**
 * The customer's online account ("MyHarrow") and the digital services they already use, which is what cross-selling
 * reads: someone not registered is offered registration, someone on paper bills e-billing.
 *
 * @param registered whether the customer has an online account
 * @param registeredOn the day they registered, or null
 * @param servicesUsed the digital services they use, as ids ({@code council-tax-online}, {@code e-billing},
 *     {@code pcn-online-payment}, {@code report-it}, {@code bin-day-alerts}, {@code garden-waste},
 *     {@code parking-permits}); empty when not registered
 */
public record OnlineAccount(boolean registered, LocalDate registeredOn, List<String> servicesUsed) {
    public static final int MAX_SERVICES = 40;

    /** Not registered, no digital services. */
    public static final OnlineAccount NONE = new OnlineAccount(false, null, List.of());

    public OnlineAccount {
        servicesUsed = Fields.list(servicesUsed, "digital services", MAX_SERVICES).stream()
                .map(s -> Fields.id(s, "a digital service"))
                .distinct()
                .toList();
        if (!registered && (registeredOn != null || !servicesUsed.isEmpty())) {
            throw new IllegalArgumentException("a customer without an online account has no registration or services");
        }
    }

    public boolean uses(String service) {
        return servicesUsed.contains(service);
    }
}
