package io.firstcontact.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Phase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The demo run in virtual time against a real routing engine: what a newcomer would see on the wallboard. */
class DemoTrafficTest {
    private static final long SEED = 20_250_303L;
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /** Refusals a live centre has too: an answer or a wrap-up command racing a timeout, a hang-up, a cancel. */
    private static final Set<String> EXPECTED_RACES = Set.of(
            "OfferDelivered CONFLICT",
            "OfferDelivered NOT_FOUND",
            "AcceptOffer CONFLICT",
            "AcceptOffer NOT_FOUND",
            "RejectOffer CONFLICT",
            "RejectOffer NOT_FOUND",
            "EndInteraction NOT_FOUND",
            "EndWrapUp CONFLICT",
            "EndWrapUp NOT_FOUND",
            "ExtendWrapUp CONFLICT",
            "ExtendWrapUp NOT_FOUND");

    private record Run(VirtualCentre centre, DemoTraffic traffic, DemoCentre demo) {
        Figures figures() {
            return Figures.of(centre.inputs(), centre.decisions(), demo.engineMillis(30 * SECOND));
        }
    }

    private static Run started(long seed, double speed) {
        DemoCentre demo = new DemoCentre(speed);
        VirtualCentre centre = VirtualCentre.seeded(demo);
        DemoTraffic traffic = new DemoTraffic(centre, centre, demo, seed, 1);
        centre.execute(traffic::start);
        return new Run(centre, traffic, demo);
    }

    @Test
    void twoHoursOfTheDemoLookLikeABusyCouncilCentre() {
        Run run = started(SEED, 1);
        run.centre().runFor(2 * HOUR);
        Figures f = run.figures();

        assertThat(f.loggedIn).as("advisors logged in").hasSize(24);
        assertThat(f.calls / f.hours()).as("calls an hour into the IVR").isBetween(370.0, 490.0);
        assertThat((double) f.selfServed / f.calls)
                .as("share self-served in the IVR")
                .isBetween(0.3, 0.55);
        assertThat(f.voiceAnswered).as("calls answered").isGreaterThan(350);
        assertThat(f.serviceLevel()).as("answered within 30 s: " + f).isBetween(0.65, 0.95);
        assertThat(f.abandonRate()).as("abandoned while waiting: " + f).isBetween(0.005, 0.12);
        assertThat(f.occupancy()).as("occupancy: " + f).isBetween(0.72, 0.92);
        assertThat(f.chats).as("chats").isGreaterThan(25);
        assertThat(f.chatsAnswered).as("chats answered").isGreaterThan(20);
        assertThat(f.emails).as("emails, the morning's inbox included").isGreaterThan(25);
        assertThat(f.emailsAnswered).as("emails answered").isGreaterThan(20);
        assertThat(f.ronas).as("offers rung out").isPositive();
        assertThat(f.rejects).as("offers rejected").isPositive();
        assertThat(f.breaks).as("breaks taken").isPositive();
        assertThat(f.wrapUpsEndedEarly).as("wrap-ups ended early").isPositive();
        assertThat(f.refusedDemoCommands.keySet()).as("refused demo commands").isSubsetOf(EXPECTED_RACES);
        assertThat(f.ivrHangUps).as("callers who gave up in the IVR").isPositive();
        assertThat(f.ended).as("interactions ended").hasSizeGreaterThan(f.created.size() - 60);
    }

    @Test
    void everyInteractionHasItsOwnDemoSourceRef() {
        Run run = started(SEED, 1);
        run.centre().runFor(HOUR);

        List<Command.CreateInteraction> created = run.centre().inputs().stream()
                .map(EngineInput::command)
                .filter(c -> c instanceof Command.CreateInteraction)
                .map(c -> (Command.CreateInteraction) c)
                .toList();
        assertThat(created).hasSizeGreaterThan(400).allSatisfy(c -> {
            assertThat(c.interactionId()).matches("demo-[vce]-1-\\d{6}");
            assertThat(c.sourceRef()).isEqualTo("demo:" + c.channel() + ":" + c.interactionId());
            assertThat(c.customerRef()).matches("resident-\\d+");
        });
        assertThat(created).extracting(Command.CreateInteraction::sourceRef).doesNotHaveDuplicates();
    }

    @Test
    void everyInteractionEndsOrIsStillBeingServed() {
        Run run = started(SEED, 1);
        run.centre().runFor(2 * HOUR);
        Figures f = run.figures();
        long now = run.centre().now();

        List<EngineSnapshot.InteractionSnap> live =
                run.centre().engine().snapshot().interactions();
        assertThat(live)
                .extracting(EngineSnapshot.InteractionSnap::id)
                .as("live in the engine = created and not ended in the journal")
                .containsExactlyInAnyOrderElementsOf(f.created.keySet().stream()
                        .filter(id -> !f.ended.contains(id))
                        .toList());
        assertThat(live).as("a handful, not a growing pile").hasSizeLessThan(60);
        for (EngineSnapshot.InteractionSnap i : live) {
            assertThat(i.phase() == Phase.CONNECTED || now - i.arrivedAt() < 30 * MINUTE)
                    .as(
                            "%s (%s since %d min) is being served or arrived recently",
                            i.id(), i.phase(), (now - i.arrivedAt()) / MINUTE)
                    .isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameJournal() {
        List<EngineInput> first = journal(SEED);
        List<EngineInput> second = journal(SEED);

        assertThat(demoCommands(first)).hasSizeGreaterThan(1_000);
        assertThat(second).as("every input: sequence, time, source and command").isEqualTo(first);
        assertThat(demoCommands(journal(SEED + 1))).isNotEqualTo(demoCommands(first));
    }

    private static List<EngineInput> journal(long seed) {
        Run run = started(seed, 1);
        run.centre().runFor(HOUR);
        return List.copyOf(run.centre().inputs());
    }

    private static List<Command> demoCommands(List<EngineInput> journal) {
        return journal.stream()
                .filter(in -> in.source().equals("demo"))
                .map(EngineInput::command)
                .toList();
    }

    @Test
    void aFasterDemoIsTheSameCentreSooner() {
        Run real = started(SEED, 1);
        real.centre().runFor(HOUR);
        Run fast = started(SEED, 10);
        fast.centre().runFor(6 * MINUTE);

        List<EngineInput> realCalls = created(real, VirtualCentre.MONDAY_8AM + 55 * MINUTE);
        List<EngineInput> fastCalls = created(fast, Long.MAX_VALUE);
        assertThat(realCalls).hasSizeGreaterThan(300);
        assertThat(fastCalls.size()).isGreaterThanOrEqualTo(realCalls.size());
        for (int k = 0; k < realCalls.size(); k++) {
            EngineInput r = realCalls.get(k);
            EngineInput s = fastCalls.get(k);
            assertThat(s.command()).as("the same resident").isEqualTo(r.command());
            long realOffset = r.at() - VirtualCentre.MONDAY_8AM;
            long fastOffset = (s.at() - VirtualCentre.MONDAY_8AM) * 10;
            assertThat(fastOffset).as("at a tenth of the time").isCloseTo(realOffset, within(10L));
        }
        Figures atRealTime = real.figures();
        Figures atTenTimes = fast.figures();
        assertThat(atTenTimes.serviceLevel())
                .as("answered within 3 s at 10x, within 30 s in real time: " + atTenTimes)
                .isCloseTo(atRealTime.serviceLevel(), offset(0.05));
        assertThat(atTenTimes.occupancy()).isCloseTo(atRealTime.occupancy(), offset(0.05));
        assertThat(atTenTimes.abandonRate()).isCloseTo(atRealTime.abandonRate(), offset(0.03));
    }

    private static List<EngineInput> created(Run run, long before) {
        return run.centre().inputs().stream()
                .filter(in -> in.command() instanceof Command.CreateInteraction c
                        && c.channel().equals("voice"))
                .filter(in -> in.at() < before)
                .toList();
    }

    @Test
    void stopCancelsEveryTimerAndUnsubscribes() {
        Run run = started(SEED, 1);
        run.centre().runFor(20 * MINUTE);
        assertThat(run.traffic().pendingTimers()).isPositive();
        int listening = run.centre().listeners();

        run.traffic().stop(); // from the test's thread: cancelling is handed to the context
        run.centre().runFor(SECOND);
        int demoInputs = countDemoInputs(run);
        run.centre().runFor(HOUR);

        assertThat(run.traffic().pendingTimers()).isZero();
        assertThat(run.centre().pendingTimers()).isZero();
        assertThat(run.centre().listeners()).isEqualTo(listening - 1);
        assertThat(countDemoInputs(run)).as("nothing sent after stop").isEqualTo(demoInputs);
    }

    private static int countDemoInputs(Run run) {
        return (int) run.centre().inputs().stream()
                .filter(in -> in.source().equals("demo"))
                .count();
    }

    @Test
    void carriesOnWhenRoutingIsNotOpenAndSaysSoOnce() {
        Logger log = (Logger) LoggerFactory.getLogger(DemoTraffic.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        Level configured = log.getLevel();
        log.setLevel(Level.INFO); // whatever the test logging configuration says
        try {
            Run run = started(SEED, 1);
            run.centre().runFor(20 * MINUTE);
            run.centre().setOpen(false);
            run.centre().runFor(2 * MINUTE);
            run.centre().setOpen(true);
            int answeredBefore = run.figures().voiceAnswered;
            run.centre().runFor(30 * MINUTE);
            Figures f = run.figures();

            List<ILoggingEvent> warnings = appender.list.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.getFirst().getFormattedMessage())
                    .contains("routing did not take")
                    .contains("IllegalStateException")
                    .contains("reports this once");
            assertThat(f.voiceAnswered - answeredBefore)
                    .as("calls answered after routing reopened")
                    .isGreaterThan(80);
            assertThat(f.refusedDemoCommands.keySet()).isSubsetOf(EXPECTED_RACES);
            assertThat(appender.list.stream().filter(e -> e.getLevel() == Level.INFO))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .as("one line at start, none per call")
                    .containsExactly("Demo traffic started: 24 advisors, 7 queues, about 430 calls an hour into the"
                            + " IVR, 24 chats and 12 emails an hour, at 1.0x real time");
        } finally {
            log.setLevel(configured);
            log.detachAppender(appender);
        }
    }
}
