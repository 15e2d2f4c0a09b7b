package io.firstcontact.ivr.payment;

import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The payment gateway of the demo and the tests: no money moves. It answers each {@link TestCard} as documented,
 * declines any other number, and refuses an expired card. It keeps, per idempotency key, only what a real gateway's
 * merchant side may keep (brand, last four, token, amount, authorisation reference) and counts the charges it took,
 * so that tests can prove a card is never charged twice.
 */
public final class SandboxGateway implements PaymentGateway {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** What the sandbox took under one key. */
    public record Charge(String idempotencyKey, long amountPence, Authorisation outcome) {}

    private final InstantSource clock;
    private final Map<String, Charge> byKey = new HashMap<>();
    private long sequence;

    public SandboxGateway(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletionStage<Authorisation> authorise(AuthorisationRequest request) {
        Charge earlier = byKey.get(request.idempotencyKey());
        if (earlier != null) {
            if (earlier.amountPence() != request.amountPence()) {
                return CompletableFuture.failedFuture(new GatewayUnavailableException(
                        "the idempotency key was used for another amount: the request is refused"));
            }
            return CompletableFuture.completedFuture(earlier.outcome());
        }
        CardDetails card = request.card();
        YearMonth expiry = YearMonth.of(card.expiryYear(), card.expiryMonth());
        if (expiry.isBefore(YearMonth.from(clock.instant().atZone(LONDON)))) {
            return CompletableFuture.completedFuture(
                    remember(request, new Authorisation.Declined(Authorisation.DeclineReason.DECLINED)));
        }
        TestCard test = TestCard.of(card.number());
        TestCard.Behaviour behaviour = test == null ? TestCard.Behaviour.DECLINE : test.behaviour();
        return switch (behaviour) {
            case APPROVE -> CompletableFuture.completedFuture(remember(request, approve(card)));
            case DECLINE ->
                CompletableFuture.completedFuture(
                        remember(request, new Authorisation.Declined(Authorisation.DeclineReason.DECLINED)));
            case INSUFFICIENT_FUNDS ->
                CompletableFuture.completedFuture(
                        remember(request, new Authorisation.Declined(Authorisation.DeclineReason.INSUFFICIENT_FUNDS)));
            case TIMEOUT_THEN_APPROVE -> {
                remember(request, approve(card));
                yield CompletableFuture.failedFuture(
                        new GatewayTimeoutException("the sandbox lost its answer (timeout test card)"));
            }
        };
    }

    /** The approved charges taken so far: one per payment, however often a payment was asked for. */
    public synchronized long chargesTaken() {
        return byKey.values().stream()
                .filter(c -> c.outcome() instanceof Authorisation.Approved)
                .count();
    }

    /** What was taken under {@code idempotencyKey}, or null. */
    public synchronized Charge charge(String idempotencyKey) {
        return byKey.get(idempotencyKey);
    }

    private Authorisation remember(AuthorisationRequest request, Authorisation outcome) {
        byKey.put(request.idempotencyKey(), new Charge(request.idempotencyKey(), request.amountPence(), outcome));
        return outcome;
    }

    private Authorisation.Approved approve(CardDetails card) {
        long n = ++sequence;
        return new Authorisation.Approved(code(n * 7_919 + 104_729), "tok_sbx_" + n, card.brand(), card.lastFour());
    }

    /** Six letters and digits, without the ones read aloud alike (0/O, 1/I). */
    private static String code(long n) {
        StringBuilder b = new StringBuilder(6);
        long v = n;
        for (int i = 0; i < 6; i++) {
            b.append(ALPHABET.charAt((int) (v % ALPHABET.length())));
            v /= ALPHABET.length();
        }
        return b.toString();
    }
}
