package io.firstcontact.router.account.demo;

import io.firstcontact.router.api.account.Account;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The demo residents file as written: the accounts, and the day their dates were written for. The demo directory
 * moves every date by as many days as have passed since {@code asOf}, so that a bin collection scheduled for "next
 * Thursday" stays in the future and a contact of "three days ago" stays recent, whenever the demo runs.
 *
 * @param asOf the day the file's dates are relative to
 * @param accounts every resident's account
 */
public record ResidentsFile(LocalDate asOf, List<Account> accounts) {
    public ResidentsFile {
        Objects.requireNonNull(asOf, "asOf");
        accounts = List.copyOf(accounts);
    }
}
