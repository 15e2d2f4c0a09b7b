package io.firstcontact.channels.voice.calls;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every call and leg the adapter follows, indexed by interaction, by channel and by offer; and the advisors' phone
 * devices. Confined to the adapter's context: no locks.
 */
final class Calls {
    private final Map<String, Call> byInteraction = new LinkedHashMap<>();
    private final Map<String, Call> byCaller = new HashMap<>();
    private final Map<String, Leg> legs = new HashMap<>();
    private final Map<String, Leg> legsByAction = new HashMap<>();
    private final Map<String, Leg> offers = new HashMap<>();
    private final Map<String, String> devices = new HashMap<>();
    private final Map<String, String> agentsByDevice = new HashMap<>();
    /** The last device state reported to the engine, by device: Asterisk often repeats one. */
    private final Map<String, String> deviceStates = new HashMap<>();

    Optional<Call> call(String interactionId) {
        return Optional.ofNullable(byInteraction.get(interactionId));
    }

    Optional<Call> byCaller(String uniqueid) {
        return Optional.ofNullable(byCaller.get(uniqueid));
    }

    Collection<Call> all() {
        return byInteraction.values();
    }

    int size() {
        return byInteraction.size();
    }

    void add(Call c) {
        byInteraction.put(c.interactionId, c);
        if (c.callerUniqueid != null) {
            byCaller.put(c.callerUniqueid, c);
        }
    }

    /** The caller's channel changed (a resynchronisation found it) or is gone (a callback is pending). */
    void callerChannel(Call c, String uniqueid, String name) {
        if (c.callerUniqueid != null) {
            byCaller.remove(c.callerUniqueid);
        }
        c.callerUniqueid = uniqueid;
        c.callerName = name;
        if (uniqueid != null) {
            byCaller.put(uniqueid, c);
        }
    }

    void remove(Call c) {
        byInteraction.remove(c.interactionId);
        if (c.callerUniqueid != null) {
            byCaller.remove(c.callerUniqueid);
        }
        for (Leg l : new Leg[] {c.ringing, c.advisor, c.consulted, c.customer}) {
            if (l != null) {
                forget(l);
            }
        }
    }

    void track(Leg l) {
        legs.put(l.uniqueid, l);
        legsByAction.put(l.actionId, l);
        if (l.offerId != null) {
            offers.put(l.offerId, l);
        }
    }

    void forget(Leg l) {
        legs.remove(l.uniqueid, l);
        legsByAction.remove(l.actionId, l);
        if (l.offerId != null) {
            offers.remove(l.offerId, l);
        }
    }

    /** The leg's channel is gone, but its Originate's answer is still to come. */
    void forgetChannel(Leg l) {
        legs.remove(l.uniqueid, l);
    }

    Optional<Leg> leg(String uniqueid) {
        return Optional.ofNullable(legs.get(uniqueid));
    }

    Optional<Leg> legByAction(String actionId) {
        return Optional.ofNullable(legsByAction.get(actionId));
    }

    Optional<Leg> offer(String offerId) {
        return Optional.ofNullable(offers.get(offerId));
    }

    Collection<Leg> legs() {
        return legs.values();
    }

    // ---- advisors' devices

    void device(String agentId, String device) {
        String old = devices.put(agentId, device);
        if (old != null) {
            agentsByDevice.remove(old, agentId);
        }
        agentsByDevice.put(device, agentId);
    }

    void noDevice(String agentId) {
        String old = devices.remove(agentId);
        if (old != null) {
            agentsByDevice.remove(old, agentId);
            deviceStates.remove(old);
        }
    }

    Optional<String> deviceOf(String agentId) {
        return Optional.ofNullable(devices.get(agentId));
    }

    Optional<String> agentAt(String device) {
        return Optional.ofNullable(agentsByDevice.get(device));
    }

    /** Records a device's state; answers whether it is news (not what was last reported). */
    boolean deviceState(String device, String state) {
        return !state.equals(deviceStates.put(device, state));
    }
}
