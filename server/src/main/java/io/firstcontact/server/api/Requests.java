package io.firstcontact.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.wire.PublicJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API's request bodies. Every field may be left out unless its route says otherwise; unknown fields are refused.
 * Times are RFC 3339 (years 1970–9999); durations are whole seconds. Integers are read as 64-bit and checked against
 * their documented range here, so that a value out of range is a 422 naming the field whatever its size.
 */
final class Requests {
    /** The longest duration a request may give: a week. */
    static final long MAX_SECONDS = 7L * 24 * 3600;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private Requests() {}

    record CreateInteraction(
            String sourceRef,
            String channel,
            Direction direction,
            String conversationId,
            String customerRef,
            Map<String, String> attributes,
            Queue queue) {}

    /**
     * @param waitStartedAt the edge's wait start (a callback, an interaction recovered from an adapter)
     * @param ageBonusSeconds an earlier place in line without a new tier
     */
    record Queue(
            String queue,
            List<RequirementBody> requirements,
            Long tier,
            Long ageBonusSeconds,
            List<TargetBody> targets,
            String waitStartedAt) {}

    record RequirementBody(String skill, Long minProficiency, Strictness strictness) {}

    record TargetBody(String agentId, String until, TargetMode mode) {}

    record QueueInteraction(Queue queue) {}

    record UpdateAttributes(Map<String, String> attributes) {}

    record IdentifyCustomer(String customerRef) {}

    record UpdateRouting(Long tier, Long ageBonusSeconds, List<TargetBody> targets) {}

    /** Exactly one of {@code queue}, {@code agentId} (with an optional queue) or {@code destination}. */
    record Transfer(String queue, String agentId, String destination, Boolean inheritWait) {}

    record End(EndReason reason) {}

    /** The colleague a connected call's advisor consults. */
    record Consult(String agentId) {}

    /** How a consult ends: {@code COMPLETED} hands the call to the colleague, {@code CANCELLED} keeps it. */
    record EndConsult(String agentId, ConsultOutcome outcome) {}

    record LogIn(Boolean ready, String device) {}

    record Presence(PresenceState presence, String reason, Boolean force) {}

    record DefineAgent(List<SkillBody> skills, String utilisationProfile, String routingProfile) {}

    record SkillBody(String skill, Long proficiency) {}

    record ExtendWrapUp(Long extraSeconds) {}

    record Inventory(List<String> sourceRefs) {}

    /** @param activity what the customer did online ({@code registered}, {@code paid-online}, …) */
    record OnlineActivity(String activity) {}

    /** A supervisor's switch: on or off. */
    record Switch(Boolean enabled) {}

    // ---- conversions (field names in errors are JSON paths) ----

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, field + " is required");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiProblem.invalid(field, field + " is required");
        }
        return value;
    }

    static Attributes attributes(Map<String, String> map, String field) {
        if (map == null || map.isEmpty()) {
            return Attributes.NONE;
        }
        List<Attribute> list = new ArrayList<>(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue() == null) {
                throw ApiProblem.invalid(field + "." + e.getKey(), "attribute values must be strings");
            }
            list.add(checked(() -> new Attribute(e.getKey(), e.getValue()), field + "." + e.getKey()));
        }
        return checked(() -> new Attributes(list), field);
    }

    static QueueRequest queue(Queue q, String field) {
        required(q, field);
        String name = required(q.queue(), field + ".queue");
        List<Requirement> requirements = null;
        if (q.requirements() != null) {
            requirements = new ArrayList<>();
            for (int i = 0; i < q.requirements().size(); i++) {
                RequirementBody r = q.requirements().get(i);
                String at = field + ".requirements[" + i + "]";
                required(r, at);
                String skill = required(r.skill(), at + ".skill");
                int min = proficiency(required(r.minProficiency(), at + ".minProficiency"), at + ".minProficiency");
                Strictness strictness = r.strictness() == null ? Strictness.HARD : r.strictness();
                requirements.add(checked(() -> new Requirement(skill, min, strictness), at));
            }
        }
        List<Target> targets = targets(q.targets(), field + ".targets");
        int tier = q.tier() == null ? 0 : tier(q.tier(), field + ".tier");
        long bonus = seconds(q.ageBonusSeconds(), field + ".ageBonusSeconds");
        long waitStart = q.waitStartedAt() == null ? -1 : time(q.waitStartedAt(), field + ".waitStartedAt");
        List<Requirement> reqs = requirements;
        return checked(() -> new QueueRequest(name, reqs, tier, bonus, targets, -1, waitStart), field);
    }

    static List<Target> targets(List<TargetBody> bodies, String field) {
        if (bodies == null) {
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            TargetBody t = bodies.get(i);
            String at = field + "[" + i + "]";
            required(t, at);
            String agent = required(t.agentId(), at + ".agentId");
            long until = time(required(t.until(), at + ".until"), at + ".until");
            TargetMode mode = t.mode() == null ? TargetMode.PREFER : t.mode();
            targets.add(checked(() -> new Target(agent, until, mode), at));
        }
        return targets;
    }

    static List<SkillLevel> skills(List<SkillBody> bodies, String field) {
        required(bodies, field);
        List<SkillLevel> skills = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SkillBody s = bodies.get(i);
            String at = field + "[" + i + "]";
            required(s, at);
            String skill = required(s.skill(), at + ".skill");
            int level = proficiency(required(s.proficiency(), at + ".proficiency"), at + ".proficiency");
            skills.add(checked(() -> new SkillLevel(skill, level), at));
        }
        return skills;
    }

    static long seconds(Long seconds, String field) {
        if (seconds == null) {
            return 0;
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw ApiProblem.invalid(field, field + " must be 0–" + MAX_SECONDS + " seconds");
        }
        return seconds * 1_000;
    }

    /** A duration of at least a second (an extension of wrap-up). */
    static long positiveSeconds(Long seconds, String field) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw ApiProblem.invalid(field, field + " must be 1–" + MAX_SECONDS + " seconds");
        }
        return seconds * 1_000;
    }

    static int tier(long tier, String field) {
        if (tier < 0 || tier > QueueRequest.MAX_TIER) {
            throw ApiProblem.invalid(field, field + " must be 0–" + QueueRequest.MAX_TIER);
        }
        return (int) tier;
    }

    static int proficiency(long level, String field) {
        if (level < SkillLevel.MIN_PROFICIENCY || level > SkillLevel.MAX_PROFICIENCY) {
            throw ApiProblem.invalid(
                    field, field + " must be " + SkillLevel.MIN_PROFICIENCY + "–" + SkillLevel.MAX_PROFICIENCY);
        }
        return (int) level;
    }

    /**
     * An RFC 3339 time from 1970 to 9999 in engine time (epoch milliseconds). A year beyond that (which {@link Instant}
     * reads, up to a billion) is refused here rather than overflowing.
     */
    static long time(String text, String field) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null || at.isBefore(Instant.EPOCH) || at.isAfter(LATEST) || !Character.isDigit(text.charAt(0))) {
            throw ApiProblem.invalid(
                    field, field + " must be an RFC 3339 time from 1970 to 9999 such as 2026-11-24T09:30:00.000Z");
        }
        return at.toEpochMilli();
    }

    /** Each source reference is an id. */
    static List<String> sourceRefs(List<String> refs, String field) {
        required(refs, field);
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            String at = field + "[" + i + "]";
            checked(() -> Ids.require(ref, at), at);
        }
        return refs;
    }

    /**
     * The {@code If-Match} of a change to versioned data; without it {@code 428}, naming the route whose {@code ETag}
     * to send.
     */
    static String ifMatch(Api.Call call, String readRoute) {
        String ifMatch = call.ctx().request().getHeader("If-Match");
        if (ifMatch == null) {
            throw new ApiProblem(
                    428,
                    "precondition-required",
                    "If-Match is required",
                    "send If-Match with the ETag of GET " + readRoute + ", so that no change is lost");
        }
        return ifMatch.strip();
    }

    /** The body as a JSON object; anything else is {@code 400}. */
    static ObjectNode objectBody(Api.Call call, String what) {
        JsonNode body;
        try {
            body = PublicJson.MAPPER.readTree(call.body());
        } catch (IOException e) {
            throw ApiProblem.malformed("malformed JSON");
        }
        if (!(body instanceof ObjectNode tree)) {
            throw ApiProblem.malformed("the body must be " + what);
        }
        return tree;
    }

    /** Builds an engine record; its refusal (a limit, a malformed id) becomes a field error. */
    static <T> T checked(java.util.function.Supplier<T> build, String field) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? "invalid value" : e.getMessage();
            throw ApiProblem.invalid(field, message);
        }
    }
}
