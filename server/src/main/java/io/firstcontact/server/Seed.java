package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalFormatException;
import io.firstcontact.server.config.ConfigLoader.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The configuration file's {@code routing:} section, which seeds an empty journal: {@code config} is a routing
 * configuration in the journal's form (docs/journal-format.md; {@code GET /api/v1/config} shows the same shape) and
 * {@code agents} lists advisors as {@code {agentId, skills: [{skill, proficiency}], utilisationProfile,
 * routingProfile}}. After the first start both change only through the admin API.
 */
final class Seed {
    private static final Set<String> SECTION = Set.of("config", "agents");
    private static final Set<String> AGENT = Set.of("agentId", "skills", "utilisationProfile", "routingProfile");

    private Seed() {}

    static List<Command> commands(JsonNode routing, JournalCodec codec) {
        unknownFields(routing, SECTION, "routing");
        List<Command> commands = new ArrayList<>();
        JsonNode config = routing.get("config");
        if (config != null && !config.isNull()) {
            try {
                commands.add(new Command.ConfigureRouting(codec.decodeConfig(config, "routing.config")));
            } catch (JournalFormatException e) {
                throw new ConfigException(e.getMessage()
                        + (e.getCause() != null && e.getCause().getMessage() != null
                                ? ": " + e.getCause().getMessage()
                                : ""));
            }
        }
        JsonNode agents = routing.get("agents");
        if (agents != null && !agents.isNull()) {
            if (!agents.isArray()) {
                throw new ConfigException("routing.agents must be a list");
            }
            for (int i = 0; i < agents.size(); i++) {
                JsonNode a = agents.get(i);
                String at = "routing.agents[" + i + "]";
                unknownFields(a, AGENT, at);
                List<SkillLevel> skills = new ArrayList<>();
                JsonNode list = a.path("skills");
                for (int s = 0; s < list.size(); s++) {
                    skills.add(codec.convertValue(list.get(s), SkillLevel.class, at + ".skills[" + s + "]"));
                }
                try {
                    commands.add(new Command.DefineAgent(
                            a.path("agentId").asText(null),
                            skills,
                            a.path("utilisationProfile").asText(null),
                            a.path("routingProfile").asText(null)));
                } catch (RuntimeException e) {
                    throw new ConfigException(at + ": " + e.getMessage());
                }
            }
        }
        return commands;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String at) {
        if (!node.isObject()) {
            throw new ConfigException(at + " must be a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw new ConfigException(at + ": unknown field " + n + " (known: " + known + ")");
            }
        }
    }
}
