package io.firstcontact.benchmarks;

/**
 * The size of a centre for a benchmark.
 *
 * @param name the name used in {@code @Param} values and reports
 * @param agents advisors defined and logged in
 * @param waiting interactions waiting in queues in the steady state (every advisor busy)
 * @param queues voice queues, each requiring one skill
 * @param skills skills defined
 * @param skillsPerAgent skills each advisor holds (those of their routing profile)
 * @param queuesPerAgent queues in each routing profile (a third of them primary, tier 1; the rest tier 2)
 * @param profiles distinct routing profiles (teams); advisors are spread over them
 * @param wrapUpShare share of busy advisors in wrap-up (the rest are talking) in the steady state
 */
public record Shape(
        String name,
        int agents,
        int waiting,
        int queues,
        int skills,
        int skillsPerAgent,
        int queuesPerAgent,
        int profiles,
        double wrapUpShare) {

    public static final String SMALL = "1k_x_1k";
    public static final String LARGE = "10k_x_10k";
    public static final String STRESS = "stress";

    public Shape {
        if (skillsPerAgent > skills || queuesPerAgent > queues || agents < 1 || waiting < 0) {
            throw new IllegalArgumentException("impossible shape " + name);
        }
    }

    /** The shapes the benchmarks take by name. */
    public static Shape named(String name) {
        return switch (name) {
            case SMALL -> new Shape(SMALL, 1_000, 1_000, 100, 20, 5, 10, 50, 0.2);
            case LARGE -> new Shape(LARGE, 10_000, 10_000, 100, 20, 5, 10, 50, 0.2);
            case STRESS -> new Shape(STRESS, 10_000, 10_000, 1_000, 100, 50, 100, 100, 0.2);
            default -> throw new IllegalArgumentException("unknown shape " + name);
        };
    }

    public Shape withAgentsAndWaiting(int a, int w) {
        return new Shape(
                name + "_" + a + "x" + w, a, w, queues, skills, skillsPerAgent, queuesPerAgent, profiles, wrapUpShare);
    }
}
