package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.desktop.scripts.Script;
import io.firstcontact.desktop.web.JsonRoutes;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.BackOfficeRefusedException;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /desk/api/work/{assignmentId}/script}: the answers to a configured script, checked against it (every
 * required question answered, a choice among its choices, a date as a date, no card number anywhere), recorded in
 * the back office through the account directory, and shown with the work (and, at its end, in the contact).
 */
final class ScriptRoutes {
    private final DeskRoutes desk;
    private final Desks desks;
    private final List<Script> scripts;
    private final AccountDirectory accounts;
    private final InteractionAccounts customers;
    private final InstantSource clock;

    ScriptRoutes(
            DeskRoutes desk,
            Desks desks,
            List<Script> scripts,
            AccountDirectory accounts,
            InteractionAccounts customers,
            InstantSource clock) {
        this.desk = desk;
        this.desks = desks;
        this.scripts = scripts;
        this.accounts = accounts;
        this.customers = customers;
        this.clock = clock;
    }

    record Answers(String scriptId, Map<String, String> answers) {}

    void mount(Router router) {
        JsonRoutes.handle(router.post("/desk/api/work/:id/script"), (p, ctx) -> {
            Answers b = JsonRoutes.body(ctx, Answers.class);
            Script script = scripts.stream()
                    .filter(s -> s.id().equals(b.scriptId()))
                    .findFirst()
                    .orElseThrow(() -> Problem.invalid("not a configured script"));
            List<FormAnswers.Answer> answers = checked(script, b.answers() == null ? Map.of() : b.answers());
            return desk.ownWork(p, ctx)
                    .thenCompose(as -> desk.onEngine(() -> desks.context(as.interactionId()))
                            .thenCompose(context -> Customers.refOf(
                                    customers, as.interactionId(), context == null ? null : context.customerRef()))
                            .thenCompose(customerRef -> {
                                FormAnswers form = new FormAnswers(
                                        script.id(),
                                        as.interactionId(),
                                        customerRef,
                                        p.agentId(),
                                        clock.instant(),
                                        answers);
                                return accounts.recordFormAnswers(form).toCompletableFuture();
                            })
                            .handle((ok, e) -> {
                                if (e != null) {
                                    throw backOffice(e);
                                }
                                return desk.onEngine(() -> {
                                    desks.formRecorded(p.agentId(), as.assignmentId(), script.id());
                                    return (JsonNode)
                                            PublicJson.MAPPER.createObjectNode().put("ok", true);
                                });
                            })
                            .thenCompose(f -> f));
        });
    }

    /** The answers in the script's order, or 422 naming the first question that is not answered properly. */
    static List<FormAnswers.Answer> checked(Script script, Map<String, String> given) {
        for (String q : given.keySet()) {
            if (script.questions().stream().noneMatch(x -> x.id().equals(q))) {
                throw Problem.invalid("the script " + script.id() + " has no question " + q);
            }
        }
        List<FormAnswers.Answer> out = new ArrayList<>();
        for (Script.Question q : script.questions()) {
            String v = given.get(q.id());
            v = v == null ? null : v.strip();
            if (v == null || v.isEmpty()) {
                if (q.required()) {
                    throw Problem.invalid("answer: " + q.label());
                }
                continue;
            }
            if (v.length() > FormAnswers.Answer.MAX_VALUE || CardNumberTripwire.containsCardNumber(v)) {
                throw Problem.invalid(q.label() + ": too long, or holds what looks like a card number");
            }
            switch (q.kind()) {
                case CHOICE -> {
                    if (!q.choices().contains(v)) {
                        throw Problem.invalid(q.label() + ": choose one of the choices");
                    }
                }
                case YES_NO -> {
                    if (!v.equals("yes") && !v.equals("no")) {
                        throw Problem.invalid(q.label() + ": yes or no");
                    }
                }
                case NUMBER -> {
                    if (!v.matches("-?\\d{1,9}(\\.\\d{1,4})?")) {
                        throw Problem.invalid(q.label() + ": a number");
                    }
                }
                case DATE -> {
                    try {
                        LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        throw Problem.invalid(q.label() + ": a date (YYYY-MM-DD)");
                    }
                }
                case TEXT -> {}
            }
            out.add(new FormAnswers.Answer(q.id(), v));
        }
        return out;
    }

    static RuntimeException backOffice(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return switch (cause) {
            case BackOfficeRefusedException r -> Problem.invalid("the back office refused it: " + r.getMessage());
            case io.firstcontact.router.api.account.BackOfficeUnavailableException u ->
                new Problem(503, "back-office-unavailable", "the back office is not answering; try again shortly");
            case RuntimeException r -> r;
            default -> new CompletionException(cause);
        };
    }
}
