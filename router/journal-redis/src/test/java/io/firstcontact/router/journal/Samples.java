package io.firstcontact.router.journal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ActorKind;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.List;

/** One hand-made value of every command, fact and effect, and a configuration that uses every setting. */
final class Samples {
    private Samples() {}

    static final Actor SUPERVISOR = Actor.supervisor("sup-1");

    /** Every setting of the configuration in use, none at its default. */
    static RoutingConfig fullConfig() {
        List<ChannelConfig> channels = List.of(
                ChannelConfig.of("voice", MediaClass.REALTIME_VOICE),
                new ChannelConfig("chat", MediaClass.REALTIME_TEXT, 45_000, false, 90_000),
                new ChannelConfig("email", MediaClass.DEFERRED, 300_000, true));
        QueueConfig billing = QueueConfig.builder("billing", "voice")
                .strategy(RoutingStrategy.MOST_SKILLED)
                .serviceLevelThreshold(20_000)
                .requirements(List.of(Requirement.hard("welsh", 5), Requirement.soft("billing", 7)))
                .relaxation(List.of(new RelaxationStep(30_000, "billing", 4), new RelaxationStep(90_000, "billing", 0)))
                .overflow(List.of(
                        OverflowRule.widen(OverflowTrigger.AFTER, 60_000, "general"),
                        OverflowRule.move(OverflowTrigger.QUEUE_SIZE, 20, "general"),
                        OverflowRule.external(OverflowTrigger.CLOSED, 0, "ooh-provider"),
                        OverflowRule.widen(OverflowTrigger.UNSTAFFED, 0, "general"),
                        OverflowRule.move(OverflowTrigger.EXPECTED_WAIT, 600_000, "general")))
                .maxWait(1_800_000, "offer-callback")
                .maxQueueSize(50, "busy-message")
                .wrapUp(15_000, 60_000)
                .openAtStart(false)
                .callbacks(5, 120_000)
                .build();
        QueueConfig general = QueueConfig.simple("general", "voice", 30_000, List.of(), 10_000);
        QueueConfig webchat = QueueConfig.simple("webchat", "chat", 60_000, List.of(Requirement.soft("billing", 3)), 0);
        List<UtilisationProfile> utilisation = List.of(
                new UtilisationProfile(
                        "blended",
                        List.of(
                                new ChannelCapacity("voice", 1, List.of("chat", "email"), List.of("email")),
                                new ChannelCapacity("chat", 3, List.of(), List.of()),
                                new ChannelCapacity("email", 5, List.of(), List.of()))),
                new UtilisationProfile("voice-only", List.of(new ChannelCapacity("voice", 1, List.of(), List.of()))));
        List<RoutingProfile> routing = List.of(
                new RoutingProfile(
                        "front",
                        List.of(
                                new QueueMembership("billing", 1, 0),
                                new QueueMembership("general", 2, 15_000),
                                new QueueMembership("webchat", 3, 0))),
                new RoutingProfile("back", List.of(new QueueMembership("general", 1, 0))));
        return new RoutingConfig(
                7,
                channels,
                List.of("welsh", "billing"),
                List.of(billing, general, webchat),
                utilisation,
                routing,
                List.of(new NotReadyReason("BREAK", false), new NotReadyReason("TRAINING", true)),
                List.of(
                        new AttributeDefinition("reason", AttributeClass.ROUTING),
                        new AttributeDefinition("account", AttributeClass.DISPLAY),
                        new AttributeDefinition("name", AttributeClass.PERSONAL)),
                new RoutingPolicy(5, 600_000, false, 3, 45_000, false, 90_000, 2_000));
    }

    static List<Command> commands() {
        QueueRequest full = new QueueRequest(
                "billing",
                List.of(Requirement.hard("welsh", 5)),
                2,
                5_000,
                List.of(new Target("a1", 1_700_000_060_000L, TargetMode.PREFER)),
                120_000,
                1_699_999_990_000L);
        return List.of(
                new Command.ConfigureRouting(fullConfig()),
                new Command.DefineAgent("a1", List.of(new SkillLevel("welsh", 6)), "blended", "front"),
                new Command.ChangeSkills("a1", List.of(new SkillLevel("billing", 9), new SkillLevel("welsh", 1))),
                new Command.AssignRoutingProfile("a1", "back", SUPERVISOR),
                new Command.LogIn("a1", true, Actor.agent("a1")),
                new Command.LogIn("a2", true, Actor.agent("a2"), "PJSIP/1002"),
                new Command.ChangePresence("a1", PresenceState.NOT_READY, "BREAK", Actor.agent("a1"), false),
                new Command.ChangePresence("a1", PresenceState.LOGGED_OUT, null, SUPERVISOR, true),
                new Command.SessionLost("a1"),
                new Command.SessionRestored("a1"),
                new Command.CreateInteraction(
                        "i1",
                        "voice",
                        Direction.INBOUND,
                        "call-77",
                        "conv-9",
                        "cust-3",
                        Attributes.of("reason", "council tax", "name", "Siân Ó Dálaigh ✓"),
                        QueueRequest.to("billing")),
                new Command.CreateInteraction(
                        "i2", "chat", Direction.CALLBACK, "chat-5", null, null, Attributes.NONE, null),
                new Command.QueueInteraction("i1", full),
                new Command.UpdateAttributes("i1", Attributes.of("reason", "bins")),
                new Command.UpdateRouting("i1", 9, 0, List.of(new Target("a2", 5, TargetMode.ONLY))),
                new Command.UpdateRouting("i1", null, null, null),
                new Command.TransferToQueue("i1", "general", true, Actor.agent("a1")),
                new Command.TransferToAgent("i1", "a2", null, Actor.agent("a1")),
                new Command.TransferExternal("i1", "+441234", new Actor(ActorKind.INTEGRATION, "ivr")),
                new Command.EndInteraction("i1", EndReason.COMPLETED),
                new Command.OfferDelivered("o1-2-0"),
                new Command.AcceptOffer("o1-2-0", Actor.agent("a1")),
                new Command.RejectOffer("o1-2-0", Actor.agent("a1")),
                new Command.OfferFailed("o1-2-0", FailureCause.UNREACHABLE),
                new Command.CancelOffer("o1-2-0", CancelCause.SUPERVISOR, SUPERVISOR),
                new Command.ExtendWrapUp("o1-2-0", 30_000),
                new Command.EndWrapUp("o1-2-0"),
                new Command.OpenQueue("billing"),
                new Command.CloseQueue("billing"),
                new Command.DeadlinesDue(),
                new Command.RecordSelfService("i1", "pay-pcn", SelfServiceOutcome.COMPLETED),
                new Command.RecordCrossSell("o1-2-0", "bin-alerts", CrossSellOutcome.ACCEPTED, Actor.agent("a1")),
                new Command.RecordWrapUp("o1-2-0", List.of("resolved", "pcn-query"), Actor.agent("a1")),
                new Command.ReportOnlineActivity("cust-3", "registered"),
                new Command.IdentifyCustomer("i1", "cust-3"),
                new Command.DeviceStateChanged("a1", DeviceState.BUSY),
                new Command.RequestCallback("i1", "07700900000"),
                new Command.CallbackDialOutcome("i1", DialOutcome.NO_ANSWER),
                new Command.ScheduleCallback(
                        "cb1", "cust-3", "07700900000", "billing", 1_700_000_600_000L, "a1", Actor.agent("a1")),
                new Command.ScheduleCallback("cb2", null, "07700900001", "billing", 0, null, SUPERVISOR),
                new Command.Park("i1"),
                new Command.Resume("i1"),
                new Command.CustomerDisconnected("i1"),
                new Command.CustomerReconnected("i1"),
                new Command.StartConsult("i1", "a2"),
                new Command.EndConsult("i1", "a2", ConsultOutcome.COMPLETED),
                new Command.SourceInventory("genesys", List.of("genesys:call-77", "genesys:call-78")),
                new Command.RefusedAsNotSupported("Park"));
    }

    static List<Fact> facts() {
        return List.of(
                new Fact.ConfigurationApplied(7),
                new Fact.AgentDefined("a1", "blended", "front"),
                new Fact.AgentSkillsChanged("a1"),
                new Fact.RoutingProfileAssigned("a1", "back", SUPERVISOR),
                new Fact.PresenceChanged("a1", PresenceState.READY, PresenceState.NOT_READY, "RONA", Actor.SYSTEM),
                new Fact.PresenceChanged("a1", PresenceState.LOGGED_OUT, PresenceState.READY, null, Actor.agent("a1")),
                new Fact.PresencePending("a1", PresenceState.LOGGED_OUT, null, SUPERVISOR),
                new Fact.PresencePendingWithdrawn("a1", PresenceState.NOT_READY, Actor.agent("a1")),
                new Fact.SessionChanged("a1", false),
                new Fact.DeviceAssigned("a1", "PJSIP/1001"),
                new Fact.InteractionCreated("i1", "voice", Direction.OUTBOUND, "call-77", null, "cust-3", 1_000),
                new Fact.VisitStarted("i1", "v1", "billing", 1_000, 21_000, 4, 2, true),
                new Fact.VisitEnded("i1", "v1", "billing", VisitOutcome.LOST_DURING_OUTAGE, 1_000),
                new Fact.RequirementsRelaxed("i1", "v1", 1, List.of(Requirement.soft("billing", 4))),
                new Fact.OverflowApplied("i1", "v1", 3, OverflowTrigger.EXPECTED_WAIT, OverflowAction.MOVE),
                new Fact.TierChanged("i1", 3, "RONA"),
                new Fact.AgeBonusChanged("i1", 60_000),
                new Fact.AttributesChanged("i1", 2),
                new Fact.TargetReleased("i1", "a2", "LOGGED_OUT"),
                new Fact.MaxWaitReached("i1", "v1", "offer-callback"),
                new Fact.OfferCreated("o1-2-0", "i1", "a1", "v1", "billing", "voice", 21_000, OfferKind.DIAL_CUSTOMER),
                new Fact.OfferCreated("o1-2-1", "i1", "a2", null, "billing", "voice", 21_000, OfferKind.CONSULT),
                new Fact.OfferStatusChanged("o1-2-0", "i1", "a1", OfferStatus.CANCELLED, "SUPERVISOR"),
                new Fact.AssignmentStarted("o1-2-0", "i1", "a1", "voice"),
                new Fact.WrapUpStarted("o1-2-0", "a1", 60_000),
                new Fact.AssignmentEnded("o1-2-0", "a1"),
                new Fact.InteractionEnded("i1", EndReason.TRANSFERRED_OUT, Phase.PARKED),
                new Fact.QueueOpened("billing"),
                new Fact.QueueClosed("billing"),
                new Fact.SelfServiceRecorded("i1", "voice", "pay-pcn", SelfServiceOutcome.OPTED_OUT),
                new Fact.CrossSellRecorded("o1-2-0", "i1", "a1", "e-billing", CrossSellOutcome.NOT_SUITABLE),
                new Fact.WrapUpRecorded("o1-2-0", "i1", "a1", List.of("resolved")),
                new Fact.OnlineActivityReported("cust-3", "paid-online"),
                new Fact.CustomerIdentified("i1", "cust-3"),
                new Fact.AgentDeviceChanged("a1", DeviceState.UNAVAILABLE),
                new Fact.CallbackRequested("i1", "billing"),
                new Fact.CallbackScheduled("i1", "billing", 1_700_000_300_000L, "a1", 2),
                new Fact.CallbackScheduled("cb2", "billing", 1_700_000_300_000L, null, 1),
                new Fact.CallbackDialled("i1", "a1", DialOutcome.BUSY, 1),
                new Fact.InteractionParked("i1"),
                new Fact.InteractionResumed("i1"),
                new Fact.CustomerConnectionLost("i1", 1_700_000_060_000L),
                new Fact.CustomerConnectionLost("i1", null),
                new Fact.CustomerConnectionRestored("i1"),
                new Fact.ConsultStarted("i1", "o1-2-1", "a2"),
                new Fact.ConsultEnded("i1", "a2", ConsultOutcome.CANCELLED),
                new Fact.InventoryReconciled("genesys", 2, 1, List.of("genesys:call-78")));
    }

    static List<Effect> effects() {
        return List.of(
                new Effect.OfferToAgent("o1-2-0", "i1", "a1", "email", "billing", 21_000, true, OfferKind.CONNECT),
                new Effect.WithdrawOffer("o1-2-0", "i1", "a1", "TIMED_OUT"),
                new Effect.Connect("o1-2-0", "i1", "a1"),
                new Effect.MaxWaitAction("i1", "billing", "offer-callback"),
                new Effect.QueueFullAction("i1", "billing", "busy-message"),
                new Effect.ClosedTreatment("i1", "billing"),
                new Effect.TransferOut("i1", "ooh-provider"),
                new Effect.SupervisorAlert("REPEATED_RONA", "i1", null),
                new Effect.Refused(Refusal.NOT_SUPPORTED_YET, "Park is not supported yet"),
                new Effect.Duplicate("key-1"),
                new Effect.AlreadyExists("i1"));
    }
}
