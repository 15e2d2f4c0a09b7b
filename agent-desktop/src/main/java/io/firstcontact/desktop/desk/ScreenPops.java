package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.crosssell.CrossSellPrompts;
import io.firstcontact.desktop.push.PushConnection;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.BackOfficeException;
import io.firstcontact.router.api.account.InteractionAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each interaction's screen pop, sent once per desk connection as soon as it is known: the customer's account as the
 * account context identified them at arrival (by customerRef, caller number, email or a reference keyed in the IVR;
 * cached and warmed), and the cross-sell prompts for that account, the contact's reason and channel.
 * The desk is never held up by the back office: a slow one shows "loading", a down one "unavailable", and the rest of
 * the desk works on.
 *
 * <p>{@code {"type":"screenPop","interactionId":…,"accountStatus":"found"|"not-found"|"unavailable"|"none",
 * "account":{…},"crossSell":[{service,label,pitch}]}}
 */
public final class ScreenPops {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPops.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final InteractionAccounts accounts;
    private final CrossSellPrompts prompts;
    private final DeskObserver observer;

    public ScreenPops(InteractionAccounts accounts, CrossSellPrompts prompts, DeskObserver observer) {
        this.accounts = accounts;
        this.prompts = prompts;
        this.observer = observer;
    }

    /**
     * Sends the pops of the state's offers and work not yet sent on this connection; on its context.
     *
     * @param committedAt when the entry that brought this state was committed (System.nanoTime), or 0 if unknown
     */
    void send(DeskState state, PushConnection connection, Set<String> sent, long committedAt) {
        List<InteractionContext> contexts = new ArrayList<>();
        state.offers().forEach(o -> contexts.add(o.context()));
        state.work().forEach(w -> contexts.add(w.context()));
        for (InteractionContext c : contexts) {
            if (c != null && sent.add(c.interactionId())) {
                pop(c, connection, committedAt);
            }
        }
    }

    private void pop(InteractionContext c, PushConnection connection, long committedAt) {
        accounts.forInteraction(c.interactionId()).whenComplete((found, error) -> {
            ObjectNode m;
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (!(cause instanceof BackOfficeException)) {
                    LOG.error("account lookup failed for a screen pop", cause);
                }
                m = message(c, "unavailable", null);
            } else {
                // Nobody found: "not-found" when the contact named a customer, else "none" (not identified).
                String status = found.isPresent() ? "found" : c.customerRef() != null ? "not-found" : "none";
                m = message(c, status, found.orElse(null));
            }
            connection.send(m.toString());
            if (committedAt != 0) {
                observer.screenPopped(System.nanoTime() - committedAt);
            }
        });
    }

    private ObjectNode message(InteractionContext c, String status, Account account) {
        ObjectNode m = JSON.createObjectNode();
        m.put("type", "screenPop");
        m.put("interactionId", c.interactionId());
        m.put("accountStatus", status);
        if (account != null) {
            m.set("account", JSON.valueToTree(account));
        }
        m.set("crossSell", JSON.valueToTree(prompts.suggest(account, c.reason(), c.channel())));
        return m;
    }
}
