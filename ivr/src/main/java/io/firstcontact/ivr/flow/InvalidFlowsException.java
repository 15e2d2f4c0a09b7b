package io.firstcontact.ivr.flow;

import java.util.List;

/** Flows that cannot be used: every problem found, each naming the step, prompt or calendar it is about. */
public final class InvalidFlowsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidFlowsException(List<String> problems) {
        super("the IVR flows are refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
