package io.firstcontact.router.account;

import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.account.demo.ResidentsFile;
import io.firstcontact.router.api.account.Account;
import java.time.LocalDate;
import java.util.function.Predicate;

/** The shipped demo residents, for tests: read once, picked by what a test needs. */
public final class Residents {
    public static final ResidentsFile FILE = DemoResidents.readShipped();

    private Residents() {}

    /** A fresh directory over the file, dated as of the file's own day (so its dates are as written). */
    public static DemoResidents directory() {
        return new DemoResidents(FILE, FILE.asOf());
    }

    public static LocalDate asOf() {
        return FILE.asOf();
    }

    /** The first resident that matches. */
    public static Account first(Predicate<Account> what) {
        return FILE.accounts().stream().filter(what).findFirst().orElseThrow();
    }
}
