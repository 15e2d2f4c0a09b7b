package io.firstcontact.desktop;

import io.firstcontact.desktop.crosssell.CrossSellRule;
import io.firstcontact.desktop.desk.WrapUpCode;
import io.firstcontact.desktop.scripts.Script;
import io.firstcontact.desktop.scripts.Script.Kind;
import io.firstcontact.desktop.scripts.Script.Question;
import java.util.List;

/**
 * A council's wrap-up codes, scripts and cross-sell rules: what the desktop uses until an administrator configures
 * their own, and what the demo centre runs with. Reasons are the demo IVR's services (its queues).
 */
final class CouncilDefaults {
    private CouncilDefaults() {}

    static final List<WrapUpCode> WRAP_UP_CODES = List.of(
            new WrapUpCode("resolved", "Resolved first time"),
            new WrapUpCode("service-request", "Service request raised"),
            new WrapUpCode("payment-taken", "Payment taken"),
            new WrapUpCode("information", "Information given"),
            new WrapUpCode("transferred", "Passed to a specialist team"),
            new WrapUpCode("callback-promised", "Callback promised"),
            new WrapUpCode("complaint", "Complaint logged"));

    static final List<Script> SCRIPTS = List.of(
            new Script(
                    "council-tax-move",
                    "Council tax: moving home",
                    List.of("council-tax"),
                    List.of(
                            new Question("moving-date", "Date of the move", Kind.DATE, null, true),
                            new Question("new-address", "New address", Kind.TEXT, null, true),
                            new Question("occupants", "Adults living at the new address", Kind.NUMBER, null, false))),
            new Script(
                    "missed-bin",
                    "Waste: missed bin collection",
                    List.of("waste"),
                    List.of(
                            new Question(
                                    "bin",
                                    "Which bin was missed?",
                                    Kind.CHOICE,
                                    List.of("General waste", "Recycling", "Garden waste", "Food waste"),
                                    true),
                            new Question("out-by-7", "Was it out by 7am on collection day?", Kind.YES_NO, null, true),
                            new Question("access", "Anything blocking access", Kind.TEXT, null, false))),
            new Script(
                    "housing-repair",
                    "Housing: report a repair",
                    List.of("housing"),
                    List.of(
                            new Question(
                                    "room",
                                    "Where is the problem?",
                                    Kind.CHOICE,
                                    List.of("Kitchen", "Bathroom", "Heating or hot water", "Outside", "Other"),
                                    true),
                            new Question(
                                    "urgent", "Is anyone at risk (no heat, water or power)?", Kind.YES_NO, null, true),
                            new Question("description", "What is wrong", Kind.TEXT, null, true))),
            new Script(
                    "pcn-challenge",
                    "Parking: challenge a PCN",
                    List.of("parking"),
                    List.of(
                            new Question("pcn", "PCN reference", Kind.TEXT, null, true),
                            new Question(
                                    "grounds",
                                    "Grounds",
                                    Kind.CHOICE,
                                    List.of("Signs unclear", "Valid permit", "Vehicle sold", "Other"),
                                    true),
                            new Question("details", "Details", Kind.TEXT, null, false))));

    static final List<CrossSellRule> CROSS_SELL = List.of(
            new CrossSellRule(
                    "online-account",
                    "Register for an online account",
                    "With an online account you can do this yourself, any time.",
                    new CrossSellRule.When(null, null, true, false, false, null)),
            new CrossSellRule(
                    "pay-online",
                    "Pay PCNs online",
                    "You can pay a parking fine online in two minutes, without waiting on the phone.",
                    new CrossSellRule.When(List.of("parking"), List.of("voice"), false, false, false, null)),
            new CrossSellRule(
                    "bin-alerts",
                    "Bin-day alerts",
                    "We can text you the evening before each collection.",
                    new CrossSellRule.When(List.of("waste"), null, false, false, false, "bin-day")),
            new CrossSellRule(
                    "e-billing",
                    "Council tax e-billing",
                    "Your bill can come by email instead of post.",
                    new CrossSellRule.When(null, null, false, true, false, null)));
}
