package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.flow.Step;
import io.firstcontact.ivr.payment.Authorisation;
import io.firstcontact.ivr.payment.AuthorisationRequest;
import io.firstcontact.ivr.payment.CardBrand;
import io.firstcontact.ivr.payment.CardDetails;
import io.firstcontact.ivr.payment.Luhn;
import io.firstcontact.router.api.account.E164;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.notify.Message;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The automated payment, one {@link Step.Pay} of a session: what is paid and how much, confirmed by the caller; the
 * recording muted; card number (Luhn, brand), expiry (MMYY, not past), security code; the recording unmuted; the
 * gateway's authorisation under an idempotency key (repeated once, with the same key, after a timeout); the payment
 * recorded in the back office (brand, last four, authorisation reference, amount only); the authorisation reference
 * read back; a receipt offered.
 *
 * <p>It owns the card digits from the keypad to the gateway and overwrites them once the gateway has answered, or as
 * soon as the payment is left.
 */
final class PaymentRun {
    /** Years ahead an expiry may lie: cards are issued for a few years, never twenty. */
    private static final int MAX_EXPIRY_YEARS = 20;

    private static final String OPTION_PAY = "1";
    private static final String OPTION_PART = "2";
    private static final String OPTION_TRY_AGAIN = "1";
    private static final String RECEIPT_SMS = "1";
    private static final String RECEIPT_EMAIL = "2";
    private static final String RECEIPT_NONE = "3";

    final Step.Pay step;
    private final IvrSession s;

    private Payment.Kind kind;
    private String reference;
    private long balance;
    private long amount;
    private int cards;
    private String idempotencyKey;
    private boolean recordingPaused;

    private char[] number;
    private CardBrand brand;
    private char[] expiry;
    private CardDetails card;

    PaymentRun(IvrSession session, Step.Pay step) {
        this.s = session;
        this.step = step;
    }

    Directive begin() {
        switch (step.pay()) {
            case PCN -> {
                if (s.pcn == null) {
                    return s.toAdvisor(IvrSession.How.ALONG); // the flows paid before looking the notice up
                }
                kind = Payment.Kind.PCN;
                reference = s.pcn.reference();
                balance = s.pcn.amountDuePence();
                if (s.pcn.status() != io.firstcontact.router.api.account.Pcn.Status.OPEN || balance <= 0) {
                    return nothingDue();
                }
                amount = balance;
                return s.ask(
                        List.of(s.line(
                                "pay-confirm-pcn", Map.of("reference", spelled(reference), "amount", money(amount)))),
                        menu(OPTION_PAY),
                        null,
                        key -> key.equals(OPTION_PAY) ? pauseRecording() : null);
            }
            case COUNCIL_TAX -> {
                if (s.councilTax == null) {
                    return s.toAdvisor(IvrSession.How.ALONG);
                }
                kind = Payment.Kind.COUNCIL_TAX;
                reference = s.councilTax.reference();
                balance = s.councilTax.balancePence();
                if (balance <= 0) {
                    return nothingDue();
                }
                return s.ask(
                        List.of(s.line(
                                "pay-balance-council-tax",
                                Map.of("reference", spelled(reference), "amount", money(balance)))),
                        menu(OPTION_PAY, OPTION_PART),
                        null,
                        key -> switch (key) {
                            case OPTION_PAY -> {
                                amount = balance;
                                yield pauseRecording();
                            }
                            case OPTION_PART -> askAmount();
                            default -> null;
                        });
            }
        }
        throw new IllegalStateException("unknown payment kind " + step.pay());
    }

    private Directive nothingDue() {
        return s.play(
                List.of(s.line("pay-nothing-due")), () -> s.paymentDone(() -> s.go(step.next(), IvrSession.How.ALONG)));
    }

    private Directive askAmount() {
        Question q = s.question(Question.Kind.AMOUNT, 1, 7, List.of(), null);
        Line outOfRange = s.line("pay-amount-invalid", Map.of("amount", money(balance)));
        return s.ask(List.of(s.line("pay-amount-enter")), q, outOfRange, digits -> {
            if (!digits.matches("[0-9]{1,7}")) {
                return null;
            }
            long pounds = Long.parseLong(digits);
            if (pounds < 1 || pounds * 100 > balance) {
                return null;
            }
            amount = pounds * 100;
            return s.ask(
                    List.of(s.line("pay-confirm-amount", Map.of("amount", money(amount)))),
                    menu(OPTION_PAY),
                    null,
                    key -> key.equals(OPTION_PAY) ? pauseRecording() : null);
        });
    }

    // ---- the card, with the recording muted ----

    private Directive pauseRecording() {
        cards++;
        idempotencyKey = s.call.interactionId() + "-pay-" + cards;
        return s.then(new Directive.PauseRecording(), e -> {
            if (e instanceof Event.Done) {
                recordingPaused = true;
                return askNumber(List.of(s.line("pay-card-number")));
            }
            // The recording might hold the digits: no card is taken by keypad.
            return s.play(List.of(s.line("pay-unavailable")), () -> s.toAdvisor(IvrSession.How.ALONG));
        });
    }

    private Directive askNumber(List<Line> said) {
        s.resetAttempts();
        Question q = s.question(Question.Kind.CARD_NUMBER, 12, 19, List.of(), null);
        return s.askCard(said, List.of(s.line("pay-card-number")), q, digits -> {
            if (!Luhn.valid(digits)) {
                Arrays.fill(digits, '\0');
                return "pay-card-invalid";
            }
            CardBrand b = CardBrand.of(digits).orElse(null);
            if (b == null) {
                Arrays.fill(digits, '\0');
                return "pay-card-not-taken";
            }
            number = digits;
            brand = b;
            String lastFour = new String(digits, digits.length - 4, 4);
            return askExpiry(List.of(
                    s.line("pay-card-ending", Map.of("lastFour", new Value.Spelled(lastFour))), s.line("pay-expiry")));
        });
    }

    private Directive askExpiry(List<Line> said) {
        s.resetAttempts();
        Question q = s.question(Question.Kind.EXPIRY, 4, 4, List.of(), null);
        return s.askCard(said, List.of(s.line("pay-expiry")), q, digits -> {
            if (!validExpiry(digits)) {
                Arrays.fill(digits, '\0');
                return "pay-expiry-invalid";
            }
            expiry = digits;
            return askSecurityCode();
        });
    }

    private boolean validExpiry(char[] digits) {
        if (digits.length != 4) {
            return false;
        }
        for (char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int month = (digits[0] - '0') * 10 + (digits[1] - '0');
        int year = 2000 + (digits[2] - '0') * 10 + (digits[3] - '0');
        if (month < 1 || month > 12) {
            return false;
        }
        YearMonth now = YearMonth.from(LocalDate.ofInstant(s.now(), IvrSession.ZONE));
        YearMonth expires = YearMonth.of(year, month);
        return !expires.isBefore(now) && !expires.isAfter(now.plusYears(MAX_EXPIRY_YEARS));
    }

    private Directive askSecurityCode() {
        s.resetAttempts();
        int n = brand.securityCodeDigits();
        Question q = s.question(Question.Kind.SECURITY_CODE, n, n, List.of(), null);
        return s.askCard(List.of(s.line("pay-security-code")), List.of(s.line("pay-security-code")), q, digits -> {
            if (digits.length != n || !allDigits(digits)) {
                Arrays.fill(digits, '\0');
                return "pay-security-invalid";
            }
            card = new CardDetails(number, expiry, digits);
            number = null;
            expiry = null;
            return resumeRecording();
        });
    }

    private Directive resumeRecording() {
        return s.then(new Directive.ResumeRecording(), e -> {
            recordingPaused = false; // a failed unmute is the front end's to report; no digits are taken from here on
            return s.play(List.of(s.line("pay-wait")), () -> authorise(false));
        });
    }

    // ---- the gateway ----

    private Directive authorise(boolean repeat) {
        AuthorisationRequest request = new AuthorisationRequest(idempotencyKey, amount, paid(), card);
        return s.then(new Directive.Authorise(request), e -> switch (e) {
            case Event.Authorised a -> {
                clearCard();
                yield switch (a.authorisation()) {
                    case Authorisation.Approved ok -> approved(ok);
                    case Authorisation.Declined no -> declined(no);
                };
            }
            case Event.Failed f when f.failure() == Event.Failure.TIMEOUT && !repeat -> authorise(true);
            case Event.Failed f
            when f.failure() == Event.Failure.TIMEOUT -> {
                clearCard();
                s.attribute(IvrSession.PAYMENT_STATUS, "unconfirmed");
                s.attribute(IvrSession.PAYMENT_KEY, idempotencyKey);
                yield s.play(List.of(s.line("pay-unconfirmed")), () -> s.toAdvisor(IvrSession.How.ALONG));
            }
            case Event.Failed f -> {
                clearCard();
                yield s.play(List.of(s.line("pay-unavailable")), () -> s.toAdvisor(IvrSession.How.ALONG));
            }
            default -> throw new IllegalStateException("the payment waits for the gateway, not " + e);
        });
    }

    private Directive approved(Authorisation.Approved ok) {
        Payment payment = new Payment(
                kind,
                reference,
                amount,
                ok.authorisationRef(),
                ok.brand().name(),
                ok.lastFour(),
                s.now(),
                s.account != null ? s.account.customerRef() : null,
                s.call.interactionId());
        s.attribute(IvrSession.PAYMENT_STATUS, "paid");
        s.attribute(IvrSession.PAYMENT_AUTHORISATION, ok.authorisationRef());
        s.attribute(IvrSession.PAYMENT_AMOUNT, Wording.money(amount));
        s.attribute(IvrSession.CARD_LAST_FOUR, ok.lastFour());
        return s.then(new Directive.RecordPayment(payment), recorded -> {
            if (!(recorded instanceof Event.Done)) {
                s.attribute(IvrSession.PAYMENT_STATUS, "paid, not yet recorded in the back office");
            }
            return s.complete(() -> s.play(
                    List.of(s.line(
                            "pay-approved",
                            Map.of("amount", money(amount), "authorisation", spelled(ok.authorisationRef())))),
                    () -> receipt(ok)));
        });
    }

    private Directive declined(Authorisation.Declined no) {
        if (cards >= s.flows.limits().cardAttempts()) {
            return s.play(List.of(s.line("pay-declined-final")), () -> s.toAdvisor(IvrSession.How.ALONG));
        }
        String prompt =
                no.reason() == Authorisation.DeclineReason.INSUFFICIENT_FUNDS ? "pay-insufficient" : "pay-declined";
        return s.ask(
                List.of(s.line(prompt)),
                menu(OPTION_TRY_AGAIN),
                null,
                key -> key.equals(OPTION_TRY_AGAIN) ? pauseRecording() : null);
    }

    // ---- the receipt ----

    private Directive receipt(Authorisation.Approved ok) {
        String mobile = mobile();
        String email = s.call.email() != null ? s.call.email() : (s.account != null ? s.account.email() : null);
        if (mobile == null && email == null) {
            return s.paymentDone(() -> s.go(step.next(), IvrSession.How.ALONG));
        }
        String prompt = mobile != null && email != null
                ? "pay-receipt-both"
                : (mobile != null ? "pay-receipt-sms" : "pay-receipt-email");
        Question q = mobile != null && email != null
                ? menu(RECEIPT_SMS, RECEIPT_EMAIL, RECEIPT_NONE)
                : menu(mobile != null ? RECEIPT_SMS : RECEIPT_EMAIL, RECEIPT_NONE);
        return s.ask(List.of(s.line(prompt)), q, null, key -> {
            if (key.equals(RECEIPT_NONE)) {
                return s.paymentDone(() -> s.go(step.next(), IvrSession.How.ALONG));
            }
            if (key.equals(RECEIPT_SMS) && mobile != null) {
                return send(Message.sms(mobile, receiptText(ok)));
            }
            if (key.equals(RECEIPT_EMAIL) && email != null) {
                return send(new Message(
                        io.firstcontact.router.api.notify.Medium.EMAIL,
                        email,
                        s.flows.receipt().subject(),
                        receiptText(ok)));
            }
            return null;
        });
    }

    private Directive send(Message message) {
        return s.then(
                new Directive.SendReceipt(message),
                e -> s.play(
                        List.of(s.line(e instanceof Event.Done ? "pay-receipt-sent" : "pay-receipt-failed")),
                        () -> s.paymentDone(() -> s.go(step.next(), IvrSession.How.ALONG))));
    }

    /** A UK mobile the receipt can go to by SMS: the caller's own number, else the one the back office holds. */
    private String mobile() {
        for (String n : new String[] {s.call.callerNumber(), s.account != null ? s.account.phone() : null}) {
            if (n != null && E164.isNormal(n) && n.startsWith("+447")) {
                return n;
            }
        }
        return null;
    }

    private String receiptText(Authorisation.Approved ok) {
        Map<String, String> values = new HashMap<>();
        values.put("amount", Wording.money(amount));
        values.put("paid", paid());
        values.put("date", Wording.date(LocalDate.ofInstant(s.now(), IvrSession.ZONE)));
        values.put(
                "brand",
                ok.brand().name().charAt(0) + ok.brand().name().substring(1).toLowerCase(Locale.ROOT));
        values.put("lastFour", ok.lastFour());
        values.put("authorisation", ok.authorisationRef());
        return s.flows.receipt().fill(values);
    }

    // ---- card data ----

    boolean recordingPaused() {
        return recordingPaused;
    }

    /** Overwrites every card digit held. */
    void clearCard() {
        if (number != null) {
            Arrays.fill(number, '\0');
            number = null;
        }
        if (expiry != null) {
            Arrays.fill(expiry, '\0');
            expiry = null;
        }
        if (card != null) {
            card.clear();
            card = null;
        }
    }

    private String paid() {
        return kind == Payment.Kind.PCN ? "PCN " + reference : "council tax account " + reference;
    }

    private Question menu(String... keys) {
        return s.question(Question.Kind.MENU, 1, 1, List.of(keys), null);
    }

    private static Value money(long pence) {
        return new Value.Money(pence);
    }

    private static Value spelled(String characters) {
        return new Value.Spelled(characters);
    }

    private static boolean allDigits(char[] digits) {
        for (char c : digits) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
