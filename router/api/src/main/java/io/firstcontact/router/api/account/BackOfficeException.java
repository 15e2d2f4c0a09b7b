package io.firstcontact.router.api.account;

/**
 * The back office could not do what was asked. A customer who is simply not known is not an exception: a lookup
 * completes with an empty result.
 */
public abstract sealed class BackOfficeException extends RuntimeException
        permits BackOfficeUnavailableException, BackOfficeRefusedException {
    private static final long serialVersionUID = 1L;

    BackOfficeException(String message, Throwable cause) {
        super(message, cause);
    }
}
