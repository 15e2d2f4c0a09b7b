package io.firstcontact.desktop.crosssell;

import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.account.Pcn;
import java.util.ArrayList;
import java.util.List;

/**
 * Which digital services to suggest for one contact: every configured rule whose conditions hold for the customer's
 * account, the contact's reason and its channel, in configured order. A rule that asks about the account is not
 * suggested while the account is unknown (not identified, or the back office is down); a service the customer already
 * uses online is never suggested.
 */
public final class CrossSellPrompts {
    private final List<CrossSellRule> rules;

    public CrossSellPrompts(List<CrossSellRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A suggestion shown with the offer. */
    public record Prompt(String service, String label, String pitch) {}

    /**
     * @param account the customer's account, or null when unknown
     * @param reason why they got in touch, or null
     * @param channel the contact's channel
     */
    public List<Prompt> suggest(Account account, String reason, String channel) {
        List<Prompt> out = new ArrayList<>();
        for (CrossSellRule r : rules) {
            if (holds(r, account, reason, channel)) {
                out.add(new Prompt(r.service(), r.label(), r.pitch()));
            }
        }
        return out;
    }

    private static boolean holds(CrossSellRule rule, Account account, String reason, String channel) {
        CrossSellRule.When w = rule.when();
        if (!w.reasons().isEmpty() && (reason == null || !w.reasons().contains(reason))) {
            return false;
        }
        if (!w.channels().isEmpty() && !w.channels().contains(channel)) {
            return false;
        }
        boolean asksAboutAccount =
                w.notRegisteredOnline() || w.paperCouncilTaxBill() || w.openPcn() || w.withoutAlert() != null;
        if (account == null) {
            return !asksAboutAccount;
        }
        if (account.online().uses(rule.service())) {
            return false;
        }
        if (w.notRegisteredOnline() && account.online().registered()) {
            return false;
        }
        if (w.paperCouncilTaxBill()
                && account.councilTax().stream()
                        .noneMatch(c -> c.live() && c.billing() == CouncilTaxAccount.Billing.PAPER)) {
            return false;
        }
        if (w.openPcn() && account.pcns().stream().noneMatch(p -> p.status() == Pcn.Status.OPEN)) {
            return false;
        }
        return w.withoutAlert() == null
                || account.alerts().stream().noneMatch(a -> a.topic().equals(w.withoutAlert()));
    }
}
