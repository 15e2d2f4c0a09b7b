package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalFormatException;
import io.firstcontact.router.journal.RoutingConfigForm;
import io.firstcontact.server.config.ConfigLoader.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The configuration file's {@code routing:} section, which seeds an empty journal: {@code config} is a routing
 * configuration as {@link RoutingConfigForm} reads it (every field with a default may be left out;
 * docs/configuration.md) and {@code agents} lists advisors as {@code {agentId, skills: [{skill, proficiency}],
 * utilisationProfile, routingProfile}}. After the first start both change only through the admin API.
 */
final class Seed {
    private static final List<String> SECTION = List.of("config", "agents");
    private static final List<String> AGENT = List.of("agentId", "skills", "utilisationProfile", "routingProfile");

    private Seed() {}

    /**
     * Checks the section before anything starts: it is read, and applied to an engine of its own, so that a mistake
     * (a field, a value, an advisor's profile that does not exist) stops the server before it writes anything.
     */
    static void check(JsonNode routing) {
        List<Command> commands = commands(routing, new JournalCodec());
        RoutingEngine engine = RoutingEngine.create();
        int agent = 0;
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            String at = c instanceof Command.DefineAgent ? "routing.agents[" + agent++ + "]" : "routing.config";
            for (Effect e :
                    engine.apply(new EngineInput(1, i + 1, 1, "seed", null, c)).effects()) {
                if (e instanceof Effect.Refused r) {
                    throw new ConfigException(at + ": " + r.message());
                }
            }
        }
    }

    static List<Command> commands(JsonNode routing, JournalCodec codec) {
        unknownFields(routing, SECTION, "routing");
        List<Command> commands = new ArrayList<>();
        JsonNode config = routing.get("config");
        if (config != null && !config.isNull()) {
            try {
                commands.add(new Command.ConfigureRouting(new RoutingConfigForm(codec).read(config, "routing.config")));
            } catch (RoutingConfigForm.Invalid e) {
                throw new ConfigException(e.getMessage());
            }
        }
        JsonNode agents = routing.get("agents");
        if (agents != null && !agents.isNull()) {
            if (!agents.isArray()) {
                throw new ConfigException(
                        "routing.agents must be a list of advisors, each a mapping of " + String.join(", ", AGENT));
            }
            for (int i = 0; i < agents.size(); i++) {
                commands.add(agent(agents.get(i), "routing.agents[" + i + "]", codec));
            }
        }
        return commands;
    }

    private static Command agent(JsonNode a, String at, JournalCodec codec) {
        unknownFields(a, AGENT, at);
        List<SkillLevel> skills = new ArrayList<>();
        JsonNode list = a.path("skills");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new ConfigException(at + ".skills must be a list of {skill, proficiency}");
        }
        for (int s = 0; s < list.size(); s++) {
            try {
                skills.add(codec.convertValue(list.get(s), SkillLevel.class, at + ".skills[" + s + "]"));
            } catch (JournalFormatException e) {
                throw new ConfigException(e.getMessage()
                        + (e.getCause() == null || e.getCause().getMessage() == null
                                ? ""
                                : ": " + e.getCause().getMessage()));
            }
        }
        try {
            return new Command.DefineAgent(
                    a.path("agentId").asText(null),
                    skills,
                    a.path("utilisationProfile").asText(null),
                    a.path("routingProfile").asText(null));
        } catch (RuntimeException e) {
            throw new ConfigException(at + ": " + e.getMessage());
        }
    }

    private static void unknownFields(JsonNode node, List<String> known, String at) {
        if (!node.isObject()) {
            throw new ConfigException(at + " must be a mapping of " + String.join(", ", known));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw new ConfigException(
                        at + "." + n + ": unknown field; the valid fields are " + String.join(", ", known));
            }
        }
    }
}
