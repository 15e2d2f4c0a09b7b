package io.firstcontact.router.api.account;

/**
 * The back office answered and refused to record something: a payment for a reference it does not hold, a form it
 * does not know. Retrying the same record will not help; the message says why, in the back office's words (never
 * personal data).
 */
public final class BackOfficeRefusedException extends BackOfficeException {
    private static final long serialVersionUID = 1L;

    public BackOfficeRefusedException(String message) {
        super(message, null);
    }
}
