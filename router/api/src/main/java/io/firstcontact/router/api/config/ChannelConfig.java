package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.MediaClass;
import java.util.Objects;

/**
 * A configured channel (voice, chat, email, sms, …) with its media class. New channels need no engine change.
 *
 * @param id the channel id
 * @param mediaClass gives the defaults
 * @param offerTimeoutMillis how long an offer may ring before RONA
 * @param autoAccept offers are accepted as soon as they are made (email)
 * @param disconnectGraceMillis how long a waiting customer whose connection dropped keeps their place (0: they left)
 */
public record ChannelConfig(
        String id, MediaClass mediaClass, long offerTimeoutMillis, boolean autoAccept, long disconnectGraceMillis) {
    /** The longest grace a dropped connection may have: a day. */
    public static final long MAX_DISCONNECT_GRACE_MILLIS = 24 * 3_600_000L;

    public ChannelConfig {
        Ids.require(id, "channel id");
        Objects.requireNonNull(mediaClass, "mediaClass");
        if (offerTimeoutMillis < 1000) {
            throw new IllegalArgumentException("channel " + id + ": offerTimeoutMillis must be at least 1000");
        }
        if (disconnectGraceMillis < 0 || disconnectGraceMillis > MAX_DISCONNECT_GRACE_MILLIS) {
            throw new IllegalArgumentException("channel " + id + ": disconnectGraceMillis must be 0 to a day");
        }
    }

    /** A channel with its media class's disconnect grace. */
    public ChannelConfig(String id, MediaClass mediaClass, long offerTimeoutMillis, boolean autoAccept) {
        this(id, mediaClass, offerTimeoutMillis, autoAccept, mediaClass.defaultDisconnectGraceMillis());
    }

    /** A channel with its media class's defaults. */
    public static ChannelConfig of(String id, MediaClass mediaClass) {
        return new ChannelConfig(
                id, mediaClass, mediaClass.defaultOfferTimeoutMillis(), mediaClass.defaultAutoAccept());
    }
}
