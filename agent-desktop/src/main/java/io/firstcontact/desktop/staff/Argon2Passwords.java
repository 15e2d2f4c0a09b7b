package io.firstcontact.desktop.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Staff passwords hashed with Argon2id (password4j), at OWASP's recommended cost: 19 MiB of memory, 2 passes, one
 * lane. A stored hash carries its own parameters, so raising the cost later keeps old hashes valid.
 */
public final class Argon2Passwords {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int OUTPUT_BYTES = 32;

    private static final Argon2Function FUNCTION =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID, 19);

    /** A hash of an impossible password, checked when the username is unknown so both cases take as long. */
    private static final String DECOY = hash("no such user: the time of a failed check stays the same");

    private Argon2Passwords() {}

    /** The PHC string of a new hash with a random salt: {@code $argon2id$v=19$m=19456,t=2,p=1$…}. */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(FUNCTION).getResult();
    }

    /** Whether {@code password} matches {@code phc}; false for a malformed hash. Takes tens of milliseconds. */
    public static boolean matches(String password, String phc) {
        try {
            return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one check, for an unknown username. */
    static void decoyCheck(String password) {
        matches(password, DECOY);
    }
}
