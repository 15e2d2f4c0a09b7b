package io.firstcontact.router.api.model;

/**
 * Validation of an advisor's phone device: the dial string the voice edge rings, in the telephony platform's own form
 * ({@code PJSIP/1001}, {@code SIP/desk-12}, {@code Local/1001@advisors}). It names one device: a technology, a slash
 * and a resource, without spaces, commas or the {@code &} that would ring several at once.
 */
public final class DeviceName {
    /** The longest device name accepted. */
    public static final int MAX_LENGTH = 128;

    private DeviceName() {}

    /** Returns {@code device} if it is null or a valid device name, else throws. */
    public static String optional(String device, String what) {
        if (device == null) {
            return null;
        }
        if (device.isEmpty() || device.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1–" + MAX_LENGTH + " characters");
        }
        int slash = device.indexOf('/');
        if (slash <= 0 || slash == device.length() - 1) {
            throw new IllegalArgumentException(what + " must read TECHNOLOGY/resource, e.g. PJSIP/1001");
        }
        for (int i = 0; i < device.length(); i++) {
            char c = device.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "/@._-:+#*".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException(what + " may hold only letters, digits and / @ . _ - : + # *");
            }
        }
        if (CardNumberTripwire.containsCardNumber(device)) {
            throw new IllegalArgumentException(what + " must not hold a payment card number");
        }
        return device;
    }
}
