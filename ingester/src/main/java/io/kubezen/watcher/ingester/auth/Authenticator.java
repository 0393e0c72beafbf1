package io.kubezen.watcher.ingester.auth;

/** Checks the credentials of one request for one auth mode; thread-safe, called once per request. */
interface Authenticator {

    /**
     * Returns normally when the credentials are valid and allowed.
     *
     * @throws UnauthenticatedException when credentials are missing or do not check out
     * @throws ForbiddenException       when they check out but are not allowed for the source
     */
    void authenticate(AuthRequest request);
}
