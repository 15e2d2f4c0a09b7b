package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.InteractionAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each contact an advisor wrapped up at the desk to the back office (through the account directory), so the
 * customer's history there holds every channel's contacts: what it was about, the wrap-up codes as its outcome, and
 * the advisor's notes. Contacts without anything recorded at the desk (no code, no note, no form) are not written.
 */
final class BackOfficeContacts implements Desks.ContactRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(BackOfficeContacts.class);

    private final AccountDirectory accounts;
    private final InteractionAccounts customers;
    private final Map<String, String> codeLabels;

    BackOfficeContacts(AccountDirectory accounts, InteractionAccounts customers, List<WrapUpCode> codes) {
        this.accounts = accounts;
        this.customers = customers;
        this.codeLabels = codes.stream().collect(Collectors.toMap(WrapUpCode::id, WrapUpCode::label));
    }

    @Override
    public void ended(String agentId, DeskState.Contact c) {
        if (c.wrapUpCodes().isEmpty() && c.notes() == null && c.forms().isEmpty()) {
            return;
        }
        String outcome = c.wrapUpCodes().isEmpty()
                ? "no wrap-up code"
                : c.wrapUpCodes().stream()
                        .map(code -> codeLabels.getOrDefault(code, code))
                        .collect(Collectors.joining(", "));
        Customers.refOf(customers, c.interactionId(), c.customerRef())
                .thenAccept(customerRef -> record(agentId, c, outcome, customerRef));
    }

    private void record(String agentId, DeskState.Contact c, String outcome, String customerRef) {
        ContactSummary summary;
        try {
            summary = new ContactSummary(
                    c.interactionId(),
                    customerRef,
                    Instant.ofEpochMilli(c.endedAt()),
                    c.channel(),
                    c.reason() != null ? c.reason() : c.queue(),
                    outcome,
                    agentId,
                    c.notes());
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "advisor {}: contact {} not written to the back office: {}",
                    agentId,
                    c.assignmentId(),
                    e.getMessage());
            return;
        }
        accounts.recordContact(summary).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.warn(
                        "advisor {}: contact {} not written to the back office: {}",
                        agentId,
                        c.assignmentId(),
                        e.getMessage());
            }
        });
    }
}
