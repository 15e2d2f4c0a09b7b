package io.firstcontact.benchmarks;

import io.firstcontact.router.engine.Oracle;
import io.firstcontact.router.engine.RoutingEngine;

/** The engines a benchmark can run: the production index, or the test tree's naive oracle for context. */
final class Engines {
    static final String INDEXED = "indexed";
    static final String NAIVE = "naive";

    private Engines() {}

    static RoutingEngine create(String name) {
        return switch (name) {
            case INDEXED -> RoutingEngine.create();
            case NAIVE -> Oracle.create();
            default -> throw new IllegalArgumentException("unknown engine " + name);
        };
    }
}
