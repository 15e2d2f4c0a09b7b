package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The whole routing configuration: versioned data, validated as a whole (every reference resolves) and applied
 * atomically by one journaled input. Lists keep their configured order; lookups are linear because configuration
 * is small and read only when it changes (the engine indexes it).
 */
public record RoutingConfig(
        long version,
        List<ChannelConfig> channels,
        List<String> skills,
        List<QueueConfig> queues,
        List<UtilisationProfile> utilisationProfiles,
        List<RoutingProfile> routingProfiles,
        List<NotReadyReason> notReadyReasons,
        List<AttributeDefinition> attributes,
        RoutingPolicy policy) {

    /** The version of a configuration that seeds an empty journal; {@code PUT /config} assigns the next one. */
    public static final long DEFAULT_VERSION = 1;

    public RoutingConfig {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        channels = List.copyOf(channels);
        skills = List.copyOf(skills);
        queues = List.copyOf(queues);
        utilisationProfiles = List.copyOf(utilisationProfiles);
        routingProfiles = List.copyOf(routingProfiles);
        notReadyReasons = List.copyOf(notReadyReasons);
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(policy, "policy");
        validate(channels, skills, queues, utilisationProfiles, routingProfiles, notReadyReasons, attributes);
    }

    private static void validate(
            List<ChannelConfig> channels,
            List<String> skills,
            List<QueueConfig> queues,
            List<UtilisationProfile> utilisationProfiles,
            List<RoutingProfile> routingProfiles,
            List<NotReadyReason> notReadyReasons,
            List<AttributeDefinition> attributes) {
        TreeSet<String> channelIds =
                unique(channels.stream().map(ChannelConfig::id).toList(), "channel");
        TreeSet<String> skillIds = unique(skills, "skill");
        TreeSet<String> queueIds = unique(queues.stream().map(QueueConfig::id).toList(), "queue");
        unique(utilisationProfiles.stream().map(UtilisationProfile::id).toList(), "utilisation profile");
        unique(routingProfiles.stream().map(RoutingProfile::id).toList(), "routing profile");
        unique(notReadyReasons.stream().map(NotReadyReason::code).toList(), "not-ready reason");
        unique(attributes.stream().map(AttributeDefinition::name).toList(), "attribute");
        for (NotReadyReason r : notReadyReasons) {
            if (NotReadyReasons.isSystem(r.code())) {
                throw new IllegalArgumentException("not-ready reason " + r.code() + " is reserved for the system");
            }
        }
        for (QueueConfig q : queues) {
            need(channelIds, q.channel(), "queue " + q.id() + " names channel");
            for (Requirement r : q.requirements()) {
                need(skillIds, r.skill(), "queue " + q.id() + " requires skill");
            }
            for (RelaxationStep s : q.relaxation()) {
                need(skillIds, s.skill(), "queue " + q.id() + " relaxes skill");
            }
            for (OverflowRule rule : q.overflow()) {
                for (String target : rule.queues()) {
                    need(queueIds, target, "queue " + q.id() + " overflows to queue");
                    if (target.equals(q.id())) {
                        throw new IllegalArgumentException("queue " + q.id() + " overflows to itself");
                    }
                    if (rule.action() == OverflowAction.MOVE) {
                        QueueConfig to = queues.stream()
                                .filter(x -> x.id().equals(target))
                                .findFirst()
                                .orElseThrow();
                        if (!to.channel().equals(q.channel())) {
                            throw new IllegalArgumentException(
                                    "queue " + q.id() + " moves to " + target + " of another channel");
                        }
                    }
                }
            }
        }
        for (UtilisationProfile p : utilisationProfiles) {
            for (ChannelCapacity c : p.channels()) {
                need(channelIds, c.channel(), "utilisation profile " + p.id() + " names channel");
                c.blocksWhileActive().forEach(b -> need(channelIds, b, "utilisation profile " + p.id() + " blocks"));
                c.blocksInWrapUp().forEach(b -> need(channelIds, b, "utilisation profile " + p.id() + " blocks"));
            }
        }
        for (RoutingProfile p : routingProfiles) {
            for (QueueMembership m : p.queues()) {
                need(queueIds, m.queue(), "routing profile " + p.id() + " names queue");
            }
        }
    }

    private static TreeSet<String> unique(List<String> ids, String what) {
        TreeSet<String> set = new TreeSet<>();
        for (String id : ids) {
            if (!set.add(id)) {
                throw new IllegalArgumentException(what + " " + id + " is defined twice");
            }
        }
        return set;
    }

    private static void need(TreeSet<String> known, String id, String what) {
        if (!known.contains(id)) {
            throw new IllegalArgumentException(what + " " + id + ", which is not defined");
        }
    }

    /** A configuration with nothing in it but the default policy: what the engine starts with. */
    public static RoutingConfig empty() {
        return new RoutingConfig(
                1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), RoutingPolicy.DEFAULT);
    }

    public ChannelConfig channel(String id) {
        return find(channels, id, ChannelConfig::id);
    }

    public QueueConfig queue(String id) {
        return find(queues, id, QueueConfig::id);
    }

    public UtilisationProfile utilisationProfile(String id) {
        return find(utilisationProfiles, id, UtilisationProfile::id);
    }

    public RoutingProfile routingProfile(String id) {
        return find(routingProfiles, id, RoutingProfile::id);
    }

    public NotReadyReason notReadyReason(String code) {
        return find(notReadyReasons, code, NotReadyReason::code);
    }

    public boolean hasSkill(String skill) {
        return skills.contains(skill);
    }

    private static <T> T find(List<T> list, String id, java.util.function.Function<T, String> key) {
        for (T t : list) {
            if (key.apply(t).equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** A copy with another version, for the admin API's "apply this as version N+1". */
    public RoutingConfig withVersion(long v) {
        return new RoutingConfig(
                v, channels, skills, queues, utilisationProfiles, routingProfiles, notReadyReasons, attributes, policy);
    }

    /** The queues in configured order, for callers that need a mutable copy. */
    public List<String> queueIds() {
        List<String> ids = new ArrayList<>(queues.size());
        queues.forEach(q -> ids.add(q.id()));
        return ids;
    }
}
