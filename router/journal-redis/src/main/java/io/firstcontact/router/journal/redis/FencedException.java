package io.firstcontact.router.journal.redis;

/**
 * Redis refused a journal append because its id is not greater than the stream's last id: a newer
 * leader has started its epoch (it appended {@code <E>-0}), so this process has been deposed. It must
 * neither commit nor release the effects of the refused batch, and must step down.
 */
public final class FencedException extends RuntimeException {

    private final String refusedId;

    public FencedException(String refusedId, String message, Throwable cause) {
        super(message, cause);
        this.refusedId = refusedId;
    }

    /** The id of the first entry of the refused batch, {@code <epoch>-<seq>}. */
    public String refusedId() {
        return refusedId;
    }
}
