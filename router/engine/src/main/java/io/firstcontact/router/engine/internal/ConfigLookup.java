package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import java.util.LinkedHashMap;

/** A configuration's parts by id, built once per configuration change so that lookups cost O(1). */
final class ConfigLookup {
    final LinkedHashMap<String, ChannelConfig> channels = new LinkedHashMap<>();
    final LinkedHashMap<String, QueueConfig> queues = new LinkedHashMap<>();
    final LinkedHashMap<String, RoutingProfile> routingProfiles = new LinkedHashMap<>();
    final LinkedHashMap<String, UtilisationProfile> utilisationProfiles = new LinkedHashMap<>();

    ConfigLookup(RoutingConfig c) {
        c.channels().forEach(x -> channels.put(x.id(), x));
        c.queues().forEach(x -> queues.put(x.id(), x));
        c.routingProfiles().forEach(x -> routingProfiles.put(x.id(), x));
        c.utilisationProfiles().forEach(x -> utilisationProfiles.put(x.id(), x));
    }
}
