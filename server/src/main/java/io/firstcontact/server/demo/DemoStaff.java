package io.firstcontact.server.demo;

import io.firstcontact.desktop.staff.Argon2Passwords;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.staff.StaffUser;
import io.firstcontact.server.config.SecretFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo centre's staff who sign in at the desktop: four advisors at the desks the simulation leaves to people
 * ({@link DemoCentre#deskAdvisors()}), a supervisor and an administrator. Their passwords are made at the first start,
 * kept in {@value #FILE} in the data directory (readable only by its owner, like the admin token) and printed in the
 * log at every start, so a newcomer can sign in; a demo exposed to others gets passwords nobody else knows.
 */
public final class DemoStaff {
    public static final String FILE = "demo-staff.txt";

    private static final String WORDS = "abcdefghijkmnpqrstuvwxyz23456789";

    /** One sign-in: who, their password, what they may do, the advisor they work as (or null). */
    public record Login(String username, String name, String password, StaffRole role, String agentId) {}

    private DemoStaff() {}

    /** The demo's logins, from {@code dataDir/demo-staff.txt}, made on the first start. */
    public static List<Login> loadOrCreate(Path dataDir) {
        String text = SecretFile.readOrCreate(dataDir.resolve(FILE), DemoStaff::generate, "demo staff")
                .value();
        List<Login> logins = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalStateException(FILE + ": a line must read username, name, password, role, agentId");
            }
            logins.add(new Login(f[0], f[1], f[2], StaffRole.valueOf(f[3]), f[4].equals("-") ? null : f[4]));
        }
        return logins;
    }

    /** The logins as configured staff users (their passwords hashed with Argon2id). */
    public static List<StaffUser> users(List<Login> logins) {
        return logins.stream()
                .map(l -> new StaffUser(
                        l.username(), l.name(), Argon2Passwords.hash(l.password()), List.of(l.role()), l.agentId()))
                .toList();
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out =
                new StringBuilder("# The demo's staff: username, name, password, role, advisor (tab separated)\n");
        List<String> desks =
                DemoCentre.deskAdvisors().stream().map(a -> a.agentId()).toList();
        String[] names = {"Asha Patel", "Ben Okoro", "Chloe Martin", "Dev Sharma"};
        for (int i = 0; i < desks.size(); i++) {
            out.append(line(
                    "advisor" + (i + 1), names[i % names.length], password(random), StaffRole.ADVISOR, desks.get(i)));
        }
        out.append(line("supervisor", "Sam Reid", password(random), StaffRole.SUPERVISOR, null));
        out.append(line("admin", "Alex Admin", password(random), StaffRole.ADMIN, null));
        return out.toString().strip();
    }

    private static String line(String username, String name, String password, StaffRole role, String agentId) {
        return String.join("\t", username, name, password, role.name(), agentId == null ? "-" : agentId) + "\n";
    }

    /** Three groups of four letters and digits: easy to type, about 60 bits. */
    private static String password(SecureRandom random) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                p.append('-');
            }
            p.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return p.toString();
    }
}
