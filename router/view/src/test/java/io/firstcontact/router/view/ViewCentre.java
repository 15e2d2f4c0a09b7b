package io.firstcontact.router.view;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.engine.Centres;
import java.util.List;

/** The centre of the view's tests: two voice queues and a chat queue; one profile takes all, one only chat. */
final class ViewCentre {
    private ViewCentre() {}

    /** Voice, SL 30 s, no wrap-up. */
    static final String BILLING = "billing";
    /** Voice, SL 20 s, no wrap-up, maximum wait 200 s. */
    static final String SALES = "sales";
    /** Chat (three at once), SL 60 s, wrap-up 10 s. */
    static final String CHAT = "chat";

    static final long SALES_MAX_WAIT = 200_000;

    static RoutingConfig config() {
        return config(1, true);
    }

    static RoutingConfig config(long version, boolean billingOpen) {
        return new RoutingConfig(
                version,
                List.of(Centres.VOICE, Centres.CHAT, Centres.EMAIL),
                List.of("billing"),
                List.of(
                        QueueConfig.builder(BILLING, "voice")
                                .serviceLevelThreshold(30_000)
                                .openAtStart(billingOpen)
                                .build(),
                        QueueConfig.builder(SALES, "voice")
                                .serviceLevelThreshold(20_000)
                                .maxWait(SALES_MAX_WAIT, "CALLBACK")
                                .build(),
                        QueueConfig.builder(CHAT, "chat")
                                .serviceLevelThreshold(60_000)
                                .wrapUp(10_000, 30_000)
                                .build()),
                List.of(Centres.COUNCIL),
                List.of(
                        new RoutingProfile(
                                "all",
                                List.of(
                                        new QueueMembership(BILLING, 1, 0),
                                        new QueueMembership(SALES, 1, 0),
                                        new QueueMembership(CHAT, 1, 0))),
                        new RoutingProfile("chatOnly", List.of(new QueueMembership(CHAT, 1, 0)))),
                Centres.REASONS,
                List.of(),
                RoutingPolicy.DEFAULT);
    }
}
