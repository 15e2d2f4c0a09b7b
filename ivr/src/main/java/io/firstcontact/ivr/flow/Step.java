package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.firstcontact.router.api.model.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One step of the flows. A step is written in YAML as a mapping under its id whose kind is the one key naming it
 * ({@code say}, {@code menu}, {@code collect}, {@code lookup}, {@code branch}, {@code queue}, {@code pay},
 * {@code status}, {@code hours}, {@code goodbye}); the README documents each with an example.
 *
 * <p>Any step may name the self-service it begins ({@code service: pay-pcn}): from there until it completes, the
 * caller leaving counts as abandoned, going to an advisor as opted out (by choice) or failed (caps, refusals), and the
 * statistics count the outcome.
 */
public sealed interface Step {

    /** The names of the kinds, as the YAML writes them. */
    List<String> KINDS =
            List.of("say", "menu", "collect", "lookup", "branch", "queue", "pay", "status", "hours", "goodbye");

    String id();

    /** The self-service this step begins, or null. */
    String service();

    /** Plays prompts, then goes on. */
    record Say(String id, List<String> say, String next, String service) implements Step {
        @JsonCreator
        public Say(
                @JsonProperty("id") String id,
                @JsonProperty("say") List<String> say,
                @JsonProperty("next") String next,
                @JsonProperty("service") String service) {
            this.id = id;
            this.say = prompts(say, id);
            this.next = need(next, id, "next");
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }
    }

    /**
     * Asks for one key and goes to the step its option names.
     *
     * @param menu the prompt
     * @param options key ({@code 0}–{@code 9}, {@code *}, {@code #}) to step
     */
    record Menu(String id, String menu, Map<String, String> options, String service) implements Step {
        @JsonCreator
        public Menu(
                @JsonProperty("id") String id,
                @JsonProperty("menu") String menu,
                @JsonProperty("options") Map<String, String> options,
                @JsonProperty("service") String service) {
            this.id = id;
            this.menu = FlowIds.require(menu, "step " + id + ": menu (its prompt)");
            if (options == null || options.isEmpty()) {
                throw new IllegalArgumentException("step " + id + ": a menu has options");
            }
            Map<String, String> o = new LinkedHashMap<>();
            options.forEach((k, v) -> {
                if (!k.matches("[0-9*#]")) {
                    throw new IllegalArgumentException(
                            "step " + id + ": option '" + k + "' is not one key (0–9, *, #)");
                }
                o.put(k, FlowIds.require(v, "step " + id + ": option " + k));
            });
            this.options = java.util.Collections.unmodifiableMap(o);
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }
    }

    /**
     * Asks for digits: a reference, an amount. What is keyed is checked against its length, format and check
     * character, kept under {@code into} for later steps, and (with {@code attribute}) passed to the advisor if the
     * caller is put through, so that they are not asked again.
     *
     * @param collect the prompt
     * @param minDigits fewest digits, 1–32
     * @param maxDigits most digits, at least {@code minDigits} and at most 32
     * @param format a regular expression the digits must match in full, or null
     * @param check the check-character rule
     * @param prefix letters put before the digits to make the reference the back office knows ({@code HW}), or null
     * @param into the name later steps read it by ({@code entry.<into>}, a lookup's {@code key})
     * @param attribute the interaction attribute it becomes if the caller goes to an advisor, or null
     * @param invalid the prompt played when it is not valid (null: the flows' {@code invalid-entry})
     */
    record Collect(
            String id,
            String collect,
            int minDigits,
            int maxDigits,
            String format,
            Check check,
            String prefix,
            String into,
            String attribute,
            String invalid,
            String next,
            String service)
            implements Step {
        public static final int MAX_DIGITS = 32;

        @JsonCreator
        public Collect(
                @JsonProperty("id") String id,
                @JsonProperty("collect") String collect,
                @JsonProperty("minDigits") int minDigits,
                @JsonProperty("maxDigits") int maxDigits,
                @JsonProperty("format") String format,
                @JsonProperty("check") Check check,
                @JsonProperty("prefix") String prefix,
                @JsonProperty("into") String into,
                @JsonProperty("attribute") String attribute,
                @JsonProperty("invalid") String invalid,
                @JsonProperty("next") String next,
                @JsonProperty("service") String service) {
            this.id = id;
            this.collect = FlowIds.require(collect, "step " + id + ": collect (its prompt)");
            if (minDigits < 1 || maxDigits < minDigits || maxDigits > MAX_DIGITS) {
                throw new IllegalArgumentException("step " + id
                        + ": minDigits and maxDigits must satisfy 1 ≤ minDigits ≤ maxDigits ≤ " + MAX_DIGITS);
            }
            this.minDigits = minDigits;
            this.maxDigits = maxDigits;
            if (format != null) {
                try {
                    Pattern.compile(format);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(
                            "step " + id + ": format is not a regular expression: " + e.getDescription());
                }
            }
            this.format = format;
            this.check = check == null ? Check.NONE : check;
            if (prefix != null && !prefix.matches("[A-Z0-9]{1,6}")) {
                throw new IllegalArgumentException("step " + id + ": prefix must be 1–6 upper-case letters or digits");
            }
            this.prefix = prefix;
            this.into = FlowIds.require(into, "step " + id + ": into");
            if (attribute != null) {
                io.firstcontact.router.api.model.Ids.require(attribute, "step " + id + ": attribute");
            }
            this.attribute = attribute;
            this.invalid = FlowIds.optional(invalid, "step " + id + ": invalid");
            this.next = need(next, id, "next");
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }

        /** Whether {@code digits} are a valid answer: length, format and check character. */
        public boolean accepts(String digits) {
            return digits.length() >= minDigits
                    && digits.length() <= maxDigits
                    && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                    && (format == null || digits.matches(format))
                    && check.passes(digits);
        }

        /** The value kept: the prefix and the digits. */
        public String value(String digits) {
            return prefix == null ? digits : prefix + digits;
        }
    }

    /** What a lookup asks the back office for. */
    enum LookupKind {
        /** The PCN whose reference was keyed ({@code key}). */
        PCN,
        /** The council-tax account whose reference was keyed ({@code key}). */
        COUNCIL_TAX,
        /** The caller, by their number (voice) or the address or login they wrote from (chat). */
        CALLER
    }

    /**
     * Asks the back office, and goes on by the answer.
     *
     * @param key the entry holding the reference (for PCN and COUNCIL_TAX)
     * @param found where to go when it knows it
     * @param notFound where to go when it does not (null: the advisor)
     * @param unavailable where to go when the back office cannot answer (null: the advisor)
     */
    record Lookup(
            String id, LookupKind lookup, String key, String found, String notFound, String unavailable, String service)
            implements Step {
        @JsonCreator
        public Lookup(
                @JsonProperty("id") String id,
                @JsonProperty("lookup") LookupKind lookup,
                @JsonProperty("key") String key,
                @JsonProperty("found") String found,
                @JsonProperty("notFound") String notFound,
                @JsonProperty("unavailable") String unavailable,
                @JsonProperty("service") String service) {
            this.id = id;
            this.lookup = Objects.requireNonNull(lookup, "step " + id + ": lookup is pcn, council_tax or caller");
            this.key = lookup == LookupKind.CALLER
                    ? FlowIds.optional(key, "step " + id + ": key")
                    : FlowIds.require(key, "step " + id + ": key (the entry holding the reference)");
            this.found = need(found, id, "found");
            this.notFound = FlowIds.optional(notFound, "step " + id + ": notFound");
            this.unavailable = FlowIds.optional(unavailable, "step " + id + ": unavailable");
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }
    }

    /** Goes to the first rule's step whose test holds, else to {@code otherwise}. */
    record Branch(String id, List<Rule> branch, String otherwise, String service) implements Step {
        @JsonCreator
        public Branch(
                @JsonProperty("id") String id,
                @JsonProperty("branch") List<Rule> branch,
                @JsonProperty("else") String otherwise,
                @JsonProperty("service") String service) {
            this.id = id;
            if (branch == null || branch.isEmpty()) {
                throw new IllegalArgumentException("step " + id + ": a branch has at least one rule");
            }
            this.branch = List.copyOf(branch);
            this.otherwise = need(otherwise, id, "else");
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }
    }

    /** A skill the advisor must hold: {@code {skill: parking, min: 5, hard: false}}. */
    record Need(String skill, int min, boolean hard) {
        @JsonCreator
        public Need(
                @JsonProperty("skill") String skill, @JsonProperty("min") int min, @JsonProperty("hard") boolean hard) {
            this.skill = io.firstcontact.router.api.model.Ids.require(skill, "a requirement's skill");
            this.min = min == 0 ? 1 : min;
            if (this.min < 1 || this.min > 10) {
                throw new IllegalArgumentException("requirement " + skill + ": min must be 1–10");
            }
            this.hard = hard;
        }

        public Requirement requirement() {
            return hard ? Requirement.hard(skill, min) : Requirement.soft(skill, min);
        }
    }

    /**
     * Puts the caller through to an advisor: the routing queue, why (the reason the advisor sees), the skills needed
     * (null: the queue's own), the priority tier, and the calendar that says when it answers.
     *
     * @param queues the routing queue by channel ({@code queue: parking} in YAML names one queue for every channel;
     *     {@code queue: {voice: parking, chat: web-chat}} one per channel, since a queue takes one channel)
     */
    record Queue(
            String id, Map<String, String> queues, String reason, int tier, List<Need> requirements, String calendar)
            implements Step {
        /** The key of {@link #queues()} when one queue serves every channel. */
        public static final String ANY_CHANNEL = "*";

        public Queue {
            if (queues == null || queues.isEmpty()) {
                throw new IllegalArgumentException("step " + id + ": queue names the routing queue");
            }
            Map<String, String> q = new LinkedHashMap<>();
            queues.forEach((channel, queue) -> q.put(
                    channel.equals(ANY_CHANNEL)
                            ? channel
                            : io.firstcontact.router.api.model.Ids.require(channel, "step " + id + ": a channel"),
                    io.firstcontact.router.api.model.Ids.require(queue, "step " + id + ": queue")));
            queues = java.util.Collections.unmodifiableMap(q);
            reason = FlowIds.require(reason, "step " + id + ": reason");
            if (tier < 0 || tier > io.firstcontact.router.api.command.QueueRequest.MAX_TIER) {
                throw new IllegalArgumentException("step " + id + ": tier must be 0–9");
            }
            requirements = requirements == null ? null : List.copyOf(requirements);
            calendar = FlowIds.optional(calendar, "step " + id + ": calendar");
        }

        @JsonCreator
        static Queue read(
                @JsonProperty("id") String id,
                @JsonProperty("queue") Object queue,
                @JsonProperty("reason") String reason,
                @JsonProperty("tier") int tier,
                @JsonProperty("requirements") List<Need> requirements,
                @JsonProperty("calendar") String calendar) {
            Map<String, String> queues = new LinkedHashMap<>();
            if (queue instanceof String one) {
                queues.put(ANY_CHANNEL, one);
            } else if (queue instanceof Map<?, ?> byChannel) {
                byChannel.forEach((k, v) -> {
                    if (!(v instanceof String name)) {
                        throw new IllegalArgumentException(
                                "step " + id + ": queue of channel " + k + " must be a name");
                    }
                    queues.put(String.valueOf(k), name);
                });
            } else {
                throw new IllegalArgumentException(
                        "step " + id + ": queue is a queue name, or a mapping from channel to queue name");
            }
            return new Queue(id, queues, reason, tier, requirements, calendar);
        }

        /** The queue of {@code channel}, or null when this step names none for it. */
        public String queueFor(String channel) {
            String q = queues.get(channel);
            return q != null ? q : queues.get(ANY_CHANNEL);
        }

        @Override
        public String service() {
            return null;
        }
    }

    /** What a payment pays. */
    enum PayKind {
        /** The PCN the last PCN lookup found, in full. */
        PCN,
        /** The council-tax account the last lookup found: its balance, or part of it. */
        COUNCIL_TAX
    }

    /**
     * The automated payment: read back and confirm, card number, expiry, security code, authorise, read back the
     * authorisation reference, offer a receipt. Its prompts are the flows' {@code pay-…} prompts (see
     * {@link FlowsCheck#PAY_PROMPTS}).
     *
     * @param pay what it pays
     * @param next where the caller goes after a payment (or a receipt)
     * @param advisor where the caller goes when it cannot be done (null: the flows' advisor)
     */
    record Pay(String id, PayKind pay, String next, String advisor, String service) implements Step {
        @JsonCreator
        public Pay(
                @JsonProperty("id") String id,
                @JsonProperty("pay") PayKind pay,
                @JsonProperty("next") String next,
                @JsonProperty("advisor") String advisor,
                @JsonProperty("service") String service) {
            this.id = id;
            this.pay = Objects.requireNonNull(pay, "step " + id + ": pay is pcn or council_tax");
            this.next = need(next, id, "next");
            this.advisor = FlowIds.optional(advisor, "step " + id + ": advisor");
            this.service = service != null
                    ? FlowIds.require(service, "step " + id + ": service")
                    : (pay == PayKind.PCN ? "pay-pcn" : "pay-council-tax");
        }
    }

    /**
     * Says where the caller's open service requests stand: "your missed bin report from 3 May is scheduled for
     * collection on Thursday". The caller's account comes from the last lookup.
     *
     * @param status what it reads: {@code requests}
     * @param types the prompt naming each request type ({@code missed-bin: type-missed-bin}); {@code other} names the
     *     rest
     * @param statuses the prompt for each status ({@code SCHEDULED}), or for one type in one status
     *     ({@code missed-bin/SCHEDULED}); its slots: {@code {type}}, {@code {opened}}, {@code {due}}
     * @param none the prompt when nothing is open
     * @param max how many requests it reads, newest first (1–5, default 3)
     */
    record Status(
            String id,
            String status,
            Map<String, String> types,
            Map<String, String> statuses,
            String none,
            int max,
            String next,
            String service)
            implements Step {
        @JsonCreator
        public Status(
                @JsonProperty("id") String id,
                @JsonProperty("status") String status,
                @JsonProperty("types") Map<String, String> types,
                @JsonProperty("statuses") Map<String, String> statuses,
                @JsonProperty("none") String none,
                @JsonProperty("max") int max,
                @JsonProperty("next") String next,
                @JsonProperty("service") String service) {
            this.id = id;
            if (!"requests".equals(status)) {
                throw new IllegalArgumentException("step " + id + ": status reads requests");
            }
            this.status = status;
            this.types = types == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
            if (!this.types.containsKey("other")) {
                throw new IllegalArgumentException(
                        "step " + id + ": types needs other: (the words for any other type)");
            }
            this.statuses =
                    statuses == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
            for (String k : this.statuses.keySet()) {
                String st = k.contains("/") ? k.substring(k.indexOf('/') + 1) : k;
                try {
                    io.firstcontact.router.api.account.ServiceRequest.Status.valueOf(st.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("step " + id + ": statuses key " + k
                            + " names no status (RECEIVED, IN_PROGRESS," + " SCHEDULED, AWAITING_CUSTOMER)");
                }
            }
            for (var s : io.firstcontact.router.api.account.ServiceRequest.Status.values()) {
                if (!this.statuses.containsKey(s.name())) {
                    throw new IllegalArgumentException("step " + id + ": statuses needs a prompt for " + s.name());
                }
            }
            this.none = FlowIds.require(none, "step " + id + ": none");
            this.max = max == 0 ? 3 : max;
            if (this.max < 1 || this.max > 5) {
                throw new IllegalArgumentException("step " + id + ": max must be 1–5");
            }
            this.next = need(next, id, "next");
            this.service = service != null ? FlowIds.require(service, "step " + id + ": service") : "request-status";
        }
    }

    /**
     * Says a calendar's opening hours ({@code prompt}, written for them) and whether it is open now: {@code openNow} with slot
     * {@code {closes}}, or {@code closedNow} with slots {@code {day}} and {@code {opens}}.
     */
    record Hours(String id, String hours, String prompt, String openNow, String closedNow, String next, String service)
            implements Step {
        @JsonCreator
        public Hours(
                @JsonProperty("id") String id,
                @JsonProperty("hours") String hours,
                @JsonProperty("prompt") String prompt,
                @JsonProperty("openNow") String openNow,
                @JsonProperty("closedNow") String closedNow,
                @JsonProperty("next") String next,
                @JsonProperty("service") String service) {
            this.id = id;
            this.hours = FlowIds.require(hours, "step " + id + ": hours (the calendar)");
            this.prompt = FlowIds.require(prompt, "step " + id + ": prompt");
            this.openNow = FlowIds.require(openNow, "step " + id + ": openNow");
            this.closedNow = FlowIds.require(closedNow, "step " + id + ": closedNow");
            this.next = need(next, id, "next");
            this.service = service != null ? FlowIds.require(service, "step " + id + ": service") : "opening-hours";
        }
    }

    /** Says goodbye and ends the call: the caller helped themselves (or had nothing to do). */
    record Goodbye(String id, String goodbye, String service) implements Step {
        @JsonCreator
        public Goodbye(
                @JsonProperty("id") String id,
                @JsonProperty("goodbye") String goodbye,
                @JsonProperty("service") String service) {
            this.id = id;
            this.goodbye = FlowIds.require(goodbye, "step " + id + ": goodbye (its prompt)");
            this.service = FlowIds.optional(service, "step " + id + ": service");
        }
    }

    private static List<String> prompts(List<String> say, String id) {
        if (say == null || say.isEmpty()) {
            throw new IllegalArgumentException("step " + id + ": say names at least one prompt");
        }
        List<String> copy = new ArrayList<>();
        for (String p : say) {
            copy.add(FlowIds.require(p, "step " + id + ": say"));
        }
        return List.copyOf(copy);
    }

    private static String need(String step, String id, String field) {
        return FlowIds.require(step, "step " + id + ": " + field);
    }
}
