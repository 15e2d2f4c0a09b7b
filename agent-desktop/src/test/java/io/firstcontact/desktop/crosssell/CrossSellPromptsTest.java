package io.firstcontact.desktop.crosssell;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.TestAccounts;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AlertSubscription;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The council's rules: registration, online payment, bin-day alerts, e-billing. */
class CrossSellPromptsTest {
    private final CrossSellPrompts prompts =
            new CrossSellPrompts(DesktopOptions.defaults().crossSell());

    private static List<String> services(List<CrossSellPrompts.Prompt> p) {
        return p.stream().map(CrossSellPrompts.Prompt::service).toList();
    }

    @Test
    void someoneNotRegisteredOnlineWithAPaperBillIsOfferedRegistrationAndEBilling() {
        Account a = TestAccounts.resident("c1", "A", false, CouncilTaxAccount.Billing.PAPER, List.of());

        assertThat(services(prompts.suggest(a, "council-tax", "voice"))).containsExactly("online-account", "e-billing");
    }

    @Test
    void someonePayingAParkingFineByPhoneIsOfferedOnlinePaymentButNotOnChat() {
        Account a = TestAccounts.resident("c1", "A", true, CouncilTaxAccount.Billing.E_BILLING, List.of());

        assertThat(services(prompts.suggest(a, "parking", "voice"))).containsExactly("pay-online");
        assertThat(services(prompts.suggest(a, "parking", "chat"))).isEmpty();
    }

    @Test
    void aMissedBinBringsBinDayAlertsUnlessSubscribed() {
        Account without = TestAccounts.resident("c1", "A", true, CouncilTaxAccount.Billing.E_BILLING, List.of());
        Account with = TestAccounts.resident(
                "c2",
                "B",
                true,
                CouncilTaxAccount.Billing.E_BILLING,
                List.of(new AlertSubscription("bin-day", AlertSubscription.Channel.SMS)));

        assertThat(services(prompts.suggest(without, "waste", "chat"))).containsExactly("bin-alerts");
        assertThat(services(prompts.suggest(with, "waste", "chat"))).isEmpty();
    }

    @Test
    void withoutTheAccountOnlyRulesThatDoNotAskAboutItAreSuggested() {
        assertThat(services(prompts.suggest(null, "parking", "voice"))).containsExactly("pay-online");
        assertThat(services(prompts.suggest(null, "waste", "voice"))).isEmpty();
    }
}
