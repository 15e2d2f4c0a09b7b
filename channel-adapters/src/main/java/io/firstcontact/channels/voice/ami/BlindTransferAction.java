package io.firstcontact.channels.voice.ami;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * {@code BlindTransfer} (Asterisk 12+), which Asterisk-Java does not have: the channel's bridged party goes to
 * {@code Context,Exten,1} and the channel itself is hung up. Asterisk-Java writes it from the getters.
 */
public final class BlindTransferAction extends AbstractManagerAction {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String context;
    private final String exten;

    /**
     * @param channel the transferer (its bridged party is transferred)
     * @param context where the transferee goes
     * @param exten the extension there
     */
    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return context;
    }

    public String getExten() {
        return exten;
    }
}
