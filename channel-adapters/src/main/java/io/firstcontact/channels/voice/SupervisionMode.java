package io.firstcontact.channels.voice;

/** How a supervisor joins an advisor's call (ChanSpy's options). */
public enum SupervisionMode {
    /** Hears both sides; nobody hears them. */
    LISTEN("qE"),
    /** Hears both sides; only the advisor hears them (coaching). */
    WHISPER("qEw"),
    /** Hears both sides and both sides hear them. */
    BARGE("qEB");

    private final String chanSpyOptions;

    SupervisionMode(String chanSpyOptions) {
        this.chanSpyOptions = chanSpyOptions;
    }

    /** ChanSpy's options: q (no beep), E (end when the advisor's leg ends), w (whisper) or B (barge). */
    public String chanSpyOptions() {
        return chanSpyOptions;
    }
}
