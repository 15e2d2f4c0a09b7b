package io.firstcontact.channels.voice.ami;

import java.io.Serial;
import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * {@code DeviceStateList} (res_manager_devicestate), which Asterisk-Java does not have: Asterisk answers with one
 * {@code DeviceStateChange} event per device, which reach the adapter like any other device state report.
 */
public final class DeviceStateListAction extends AbstractManagerAction {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getAction() {
        return "DeviceStateList";
    }
}
