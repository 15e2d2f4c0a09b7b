package io.firstcontact.desktop;

import io.firstcontact.desktop.crosssell.CrossSellRule;
import io.firstcontact.desktop.desk.WrapUpCode;
import io.firstcontact.desktop.push.PushOptions;
import io.firstcontact.desktop.scripts.Script;
import io.firstcontact.desktop.staff.StaffOptions;
import io.firstcontact.desktop.wallboard.WallboardOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The desktop's configuration ({@code desktop:} in the server's YAML). Every field may be left out; the lists default
 * to a council's (the demo centre's) codes, scripts and cross-sell rules, which an administrator replaces.
 *
 * @param staff who signs in, and how
 * @param push how the push connections are kept
 * @param reasonAttribute the interaction attribute that says why the customer got in touch (the IVR's choice)
 * @param sessionGrace how long an advisor's desktop may be gone (every connection closed) before routing counts their
 *     session lost
 * @param wrapUpCodes the codes advisors choose from at wrap-up
 * @param scripts the guided forms, by contact reason
 * @param crossSell when to suggest which digital service
 * @param wallboard how the wallboard pushes
 * @param auditRetention how long the audit trail keeps supervisor actions (default 400 days: more than a year)
 */
public record DesktopOptions(
        StaffOptions staff,
        PushOptions push,
        String reasonAttribute,
        Duration sessionGrace,
        List<WrapUpCode> wrapUpCodes,
        List<Script> scripts,
        List<CrossSellRule> crossSell,
        WallboardOptions wallboard,
        Duration auditRetention) {

    public static final String DEFAULT_REASON_ATTRIBUTE = "service";
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(400);
    public static final Duration DEFAULT_SESSION_GRACE = Duration.ofSeconds(30);

    public DesktopOptions {
        staff = Objects.requireNonNullElse(staff, StaffOptions.NONE);
        push = Objects.requireNonNullElse(push, PushOptions.DEFAULT);
        reasonAttribute = Objects.requireNonNullElse(reasonAttribute, DEFAULT_REASON_ATTRIBUTE);
        sessionGrace = Objects.requireNonNullElse(sessionGrace, DEFAULT_SESSION_GRACE);
        wrapUpCodes = List.copyOf(Objects.requireNonNullElse(wrapUpCodes, CouncilDefaults.WRAP_UP_CODES));
        scripts = List.copyOf(Objects.requireNonNullElse(scripts, CouncilDefaults.SCRIPTS));
        crossSell = List.copyOf(Objects.requireNonNullElse(crossSell, CouncilDefaults.CROSS_SELL));
        wallboard = Objects.requireNonNullElse(wallboard, WallboardOptions.DEFAULT);
        auditRetention = Objects.requireNonNullElse(auditRetention, DEFAULT_AUDIT_RETENTION);
        if (auditRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("desktop.auditRetention must be at least 1d");
        }
        unique(wrapUpCodes.stream().map(WrapUpCode::id).toList(), "desktop.wrapUpCodes");
        unique(scripts.stream().map(Script::id).toList(), "desktop.scripts");
        unique(crossSell.stream().map(CrossSellRule::service).toList(), "desktop.crossSell");
        if (sessionGrace.isNegative()) {
            throw new IllegalArgumentException("desktop.sessionGrace must not be negative");
        }
    }

    /** Nothing configured: no staff, the council's lists. */
    public static DesktopOptions defaults() {
        return new DesktopOptions(null, null, null, null, null, null, null, null, null);
    }

    public DesktopOptions withStaff(StaffOptions s) {
        return new DesktopOptions(
                s, push, reasonAttribute, sessionGrace, wrapUpCodes, scripts, crossSell, wallboard, auditRetention);
    }

    public DesktopOptions withPush(PushOptions p) {
        return new DesktopOptions(
                staff, p, reasonAttribute, sessionGrace, wrapUpCodes, scripts, crossSell, wallboard, auditRetention);
    }

    public DesktopOptions withSessionGrace(Duration g) {
        return new DesktopOptions(
                staff, push, reasonAttribute, g, wrapUpCodes, scripts, crossSell, wallboard, auditRetention);
    }

    public DesktopOptions withWallboard(WallboardOptions w) {
        return new DesktopOptions(
                staff, push, reasonAttribute, sessionGrace, wrapUpCodes, scripts, crossSell, w, auditRetention);
    }

    private static void unique(List<String> ids, String where) {
        List<String> seen = new ArrayList<>();
        for (String id : ids) {
            if (seen.contains(id)) {
                throw new IllegalArgumentException(where + ": " + id + " is given twice");
            }
            seen.add(id);
        }
    }
}
