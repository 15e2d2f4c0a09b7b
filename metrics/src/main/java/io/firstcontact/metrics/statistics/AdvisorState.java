package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;

/**
 * The one-word state a wallboard shows for an advisor, derived from their presence and their work by this
 * precedence: logged out; else working on something (busy); else only wrapping up; else an offer ringing; else not
 * ready (with its reason); else ready and idle. An advisor who asked for a break while working stays busy until the
 * work ends (the break is pending), and one made not ready (RONA) while other chats are open is busy too.
 */
public enum AdvisorState {
    LOGGED_OUT,
    READY,
    OFFERED,
    BUSY,
    WRAP_UP,
    NOT_READY;

    /** Available for work or working: the time occupancy divides by. */
    public boolean staffed() {
        return this == READY || this == OFFERED || this == BUSY || this == WRAP_UP;
    }

    /** Working: an assignment active or in wrap-up. */
    public boolean busy() {
        return this == BUSY || this == WRAP_UP;
    }

    static AdvisorState of(PresenceState presence, int active, int wrapping, int offers) {
        if (presence == PresenceState.LOGGED_OUT) {
            return LOGGED_OUT;
        }
        if (active > 0) {
            return BUSY;
        }
        if (wrapping > 0) {
            return WRAP_UP;
        }
        if (offers > 0) {
            return OFFERED;
        }
        return presence == PresenceState.NOT_READY ? NOT_READY : READY;
    }
}
