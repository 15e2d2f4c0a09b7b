package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.MediaClass;

/**
 * A configured channel (voice, chat, email, sms, …) with its media class. New channels need no engine change.
 *
 * @param id the channel id
 * @param mediaClass gives the defaults
 * @param offerTimeoutMillis how long an offer may ring before RONA; by default the media class's
 *     ({@link MediaClass#defaultOfferTimeoutMillis()})
 * @param autoAccept offers are accepted as soon as they are made (email); by default the media class's
 *     ({@link MediaClass#defaultAutoAccept()})
 * @param disconnectGraceMillis how long a waiting customer whose connection dropped keeps their place (0: they have
 *     left); by default the media class's ({@link MediaClass#defaultDisconnectGraceMillis()})
 */
public record ChannelConfig(
        String id, MediaClass mediaClass, long offerTimeoutMillis, boolean autoAccept, long disconnectGraceMillis) {
    /** An offer rings at least a second, and at most an hour (an email's offer is usually accepted at once). */
    public static final Range OFFER_TIMEOUT_MILLIS_RANGE = Range.millis(1_000, 3_600_000L);
    /** A dropped connection keeps the customer's place for at most a day. */
    public static final Range DISCONNECT_GRACE_MILLIS_RANGE = Range.millis(0, 24 * 3_600_000L);

    public ChannelConfig {
        Ids.require(id, "channel id");
        if (mediaClass == null) {
            throw new IllegalArgumentException(
                    "mediaClass is required: one of REALTIME_VOICE, REALTIME_TEXT, DEFERRED");
        }
        OFFER_TIMEOUT_MILLIS_RANGE.require(offerTimeoutMillis, "offerTimeoutMillis");
        DISCONNECT_GRACE_MILLIS_RANGE.require(disconnectGraceMillis, "disconnectGraceMillis");
    }

    /** A channel with its media class's disconnect grace. */
    public ChannelConfig(String id, MediaClass mediaClass, long offerTimeoutMillis, boolean autoAccept) {
        this(id, mediaClass, offerTimeoutMillis, autoAccept, graceOf(mediaClass));
    }

    private static long graceOf(MediaClass mediaClass) {
        return mediaClass == null ? 0 : mediaClass.defaultDisconnectGraceMillis(); // null: refused just after
    }

    /** A channel with its media class's defaults. */
    public static ChannelConfig of(String id, MediaClass mediaClass) {
        return new ChannelConfig(
                id, mediaClass, mediaClass.defaultOfferTimeoutMillis(), mediaClass.defaultAutoAccept());
    }
}
