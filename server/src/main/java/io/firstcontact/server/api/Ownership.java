package io.firstcontact.server.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What the command routes ask the read model before acting: whose offer, whose assignment, whose interaction. */
interface Ownership {
    /** An offer as the read model knows it. */
    record OfferRef(String offerId, String interactionId, String agentId) {}

    CompletableFuture<Optional<OfferRef>> offer(String offerId);

    CompletableFuture<Optional<String>> assignmentAgent(String assignmentId);

    /** Whether an advisor of this id is defined. */
    CompletableFuture<Boolean> knowsAdvisor(String agentId);

    /** Whether the advisor holds an offer or an assignment of the interaction. */
    CompletableFuture<Boolean> holds(String agentId, String interactionId);

    /**
     * A source's inventory (docs/routing-contract.md §8): its live interactions not in {@code sourceRefs} end as lost during the
     * outage; the listed ones the router does not know are answered back, for the source to create with their edge
     * wait start.
     */
    CompletableFuture<Api.Reply> reconcile(Api.Call call, String source, List<String> sourceRefs);
}
