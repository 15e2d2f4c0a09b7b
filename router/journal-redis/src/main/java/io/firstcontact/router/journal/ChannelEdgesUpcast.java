package io.firstcontact.router.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Version 1 → 2 of entries and snapshots: the inputs of the channels' edges were built (devices, callbacks, hold,
 * customers' connections, consults, inventories), offers got a kind, queues a callback rule, channels a disconnect
 * grace, and the snapshot the state they keep.
 *
 * <ul>
 *   <li>An input of a command version 1 refused as not supported yet becomes {@code RefusedAsNotSupported} naming it,
 *       so that recovery decides the same refusal again (and a callback number a version 1 entry held in clear is
 *       not carried on).
 *   <li>A configuration gets its new settings' defaults, as a configuration written without them does ({@link
 *       RoutingConfigForm#complete}).
 *   <li>{@code OfferCreated} and {@code OfferToAgent} get kind {@code CONNECT}: the only behaviour version 1 had.
 *   <li>A snapshot's advisors get device {@code UNKNOWN}, their assignments no consult, its interactions no callback,
 *       consult or dropped connection, and nobody to dial.
 * </ul>
 */
final class ChannelEdgesUpcast {
    /** The commands version 1 refused as not supported yet. */
    static final Set<String> REFUSED_IN_VERSION_1 = Set.of(
            "StartConsult",
            "EndConsult",
            "RequestCallback",
            "CallbackDialOutcome",
            "Park",
            "Resume",
            "CustomerDisconnected",
            "CustomerReconnected",
            "DeviceStateChanged",
            "SourceInventory");

    private static final String TYPE = JournalCodec.TYPE_PROPERTY;
    private static final String KIND = "kind";
    private static final String CONNECT = "CONNECT";

    private ChannelEdgesUpcast() {}

    /** An entry of version 1, carried to version 2. */
    static ObjectNode entry(ObjectNode entry) {
        if (entry.path("input") instanceof ObjectNode input && input.path("command") instanceof ObjectNode command) {
            String type = command.path(TYPE).asText();
            if (REFUSED_IN_VERSION_1.contains(type)) {
                ObjectNode refused = input.objectNode();
                refused.put(TYPE, "RefusedAsNotSupported");
                refused.put("command", type);
                input.set("command", refused);
            } else if (type.equals("ConfigureRouting") && command.get("config") instanceof ObjectNode config) {
                command.set("config", RoutingConfigForm.complete(config));
            }
        }
        JsonNode decision = entry.path("decision");
        for (JsonNode fact : decision.path("facts")) {
            if (fact instanceof ObjectNode f && f.path(TYPE).asText().equals("OfferCreated") && !f.has(KIND)) {
                f.put(KIND, CONNECT);
            }
        }
        for (JsonNode effect : decision.path("effects")) {
            if (effect instanceof ObjectNode e && e.path(TYPE).asText().equals("OfferToAgent") && !e.has(KIND)) {
                e.put(KIND, CONNECT);
            }
        }
        return entry;
    }

    /** A snapshot of version 1, carried to version 2. */
    static ObjectNode snapshot(ObjectNode snapshot) {
        if (snapshot.get("config") instanceof ObjectNode config) {
            snapshot.set("config", RoutingConfigForm.complete(config));
        }
        for (JsonNode agent : snapshot.path("agents")) {
            if (agent instanceof ObjectNode a) {
                putIfAbsent(a, "device", "UNKNOWN");
                for (JsonNode assignment : a.path("assignments")) {
                    if (assignment instanceof ObjectNode x && !x.has("consult")) {
                        x.put("consult", false);
                    }
                }
            }
        }
        for (JsonNode interaction : snapshot.path("interactions")) {
            if (interaction instanceof ObjectNode i) {
                if (!i.has("dialOut")) {
                    i.put("dialOut", false);
                }
                for (String absent : new String[] {"callback", "customerGrace", "consultOffer"}) {
                    if (!i.has(absent)) {
                        i.putNull(absent);
                    }
                }
                if (!i.has("customerAway")) {
                    i.put("customerAway", false);
                }
            }
        }
        return snapshot;
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }
}
