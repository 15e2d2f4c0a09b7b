package io.firstcontact.router.engine;

import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.Requirement;
import java.util.List;

/** Small configurations shared by the engine's tests. */
public final class Centres {
    private Centres() {}

    public static final ChannelConfig VOICE = ChannelConfig.of("voice", MediaClass.REALTIME_VOICE);
    public static final ChannelConfig CHAT = ChannelConfig.of("chat", MediaClass.REALTIME_TEXT);
    public static final ChannelConfig EMAIL = ChannelConfig.of("email", MediaClass.DEFERRED);

    /** The council default: voice 1 and exclusive both ways; chat 3; email 1. */
    public static final UtilisationProfile COUNCIL = new UtilisationProfile(
            "council",
            List.of(
                    new ChannelCapacity("voice", 1, List.of("chat", "email"), List.of("chat", "email")),
                    new ChannelCapacity("chat", 3, List.of("voice"), List.of()),
                    new ChannelCapacity("email", 1, List.of("voice"), List.of())));

    public static final List<NotReadyReason> REASONS = List.of(
            new NotReadyReason("BREAK", false),
            new NotReadyReason("LUNCH", true),
            new NotReadyReason("TRAINING", true));

    /** One voice queue "billing" (SL 30 s, wrap-up 30 s), one chat and one email queue, one profile taking all. */
    public static RoutingConfig small() {
        return new RoutingConfig(
                1,
                List.of(VOICE, CHAT, EMAIL),
                List.of("billing", "parking", "welsh"),
                List.of(
                        QueueConfig.simple("billing", "voice", 30_000, List.of(Requirement.soft("billing", 1)), 30_000),
                        QueueConfig.simple("chat", "chat", 60_000, List.of(), 10_000),
                        QueueConfig.simple("email", "email", 24 * 3_600_000L, List.of(), 0)),
                List.of(COUNCIL),
                List.of(new RoutingProfile(
                        "all",
                        List.of(
                                new QueueMembership("billing", 1, 0),
                                new QueueMembership("chat", 1, 0),
                                new QueueMembership("email", 1, 0)))),
                REASONS,
                List.of(),
                RoutingPolicy.DEFAULT);
    }
}
