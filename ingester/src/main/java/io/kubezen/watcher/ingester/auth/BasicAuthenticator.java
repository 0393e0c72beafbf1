package io.kubezen.watcher.ingester.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.kubezen.watcher.config.VerifierFormat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code Authorization: Basic ...} against one username and a password given plain or as a bcrypt hash.
 *
 * <p>bcrypt is slow on purpose (tens of milliseconds), too slow to run for every event of a busy
 * source. After a password passes bcrypt, its SHA-256 is remembered, and later requests with the same
 * password are checked against that digest in constant time. Wrong passwords always pay for bcrypt.
 */
final class BasicAuthenticator implements Authenticator {

    static final String CHALLENGE = "Basic realm=\"zen-watcher\", charset=\"UTF-8\"";

    private static final String AUTHORIZATION = "Authorization";
    private static final String SCHEME = "basic ";
    // Passwords beyond bcrypt's 72 bytes are truncated, as htpasswd and OpenBSD do when hashing.
    private static final BCrypt.Verifyer BCRYPT = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final byte[] usernameDigest;
    private final byte[] plainDigest;
    private final byte[] bcryptHash;
    private volatile byte[] verifiedDigest;

    /** @param password plain, or a bcrypt hash starting {@code $2a$}, {@code $2b$} or {@code $2y$} */
    BasicAuthenticator(String username, String password) {
        this.usernameDigest = Digests.sha256(username);
        boolean hashed = isBcryptHash(password);
        if (!hashed && password.startsWith("$2")) {
            throw new IllegalArgumentException("webhook.auth.basic.secretRef looks like a bcrypt hash but is "
                    + "malformed; expected $2a$, $2b$ or $2y$, a two-digit cost and 53 characters");
        }
        this.plainDigest = hashed ? null : Digests.sha256(password);
        this.bcryptHash = hashed ? password.getBytes(StandardCharsets.US_ASCII) : null;
    }

    static boolean isBcryptHash(String password) {
        return VerifierFormat.isBcryptHash(password);
    }

    @Override
    public void authenticate(AuthRequest request) {
        String header = request.headers().first(AUTHORIZATION).orElseThrow(() -> UnauthenticatedException.of(
                request.source(), AUTHORIZATION, "The request has no Authorization header; send "
                        + "'Authorization: Basic <base64 of username:password>'.", CHALLENGE));
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw UnauthenticatedException.of(request.source(), AUTHORIZATION,
                    "The Authorization header does not use the Basic scheme.", CHALLENGE);
        }
        String credentials = decode(header.substring(SCHEME.length()).trim());
        int colon = credentials == null ? -1 : credentials.indexOf(':');
        if (colon < 0) {
            throw UnauthenticatedException.of(request.source(), AUTHORIZATION,
                    "The Basic credentials are not base64 of 'username:password'.", CHALLENGE);
        }
        boolean userOk = Digests.equal(usernameDigest, Digests.sha256(credentials.substring(0, colon)));
        // Check the password even for a wrong username, so timing does not reveal valid usernames.
        boolean passwordOk = passwordMatches(credentials.substring(colon + 1));
        if (!(userOk & passwordOk)) {
            throw UnauthenticatedException.of(request.source(), AUTHORIZATION,
                    "The username or password is not valid.", CHALLENGE);
        }
    }

    private boolean passwordMatches(String password) {
        byte[] candidate = Digests.sha256(password);
        if (plainDigest != null) {
            return Digests.equal(plainDigest, candidate);
        }
        byte[] verified = verifiedDigest;
        if (verified != null && Digests.equal(verified, candidate)) {
            return true;
        }
        boolean ok = BCRYPT.verify(password.getBytes(StandardCharsets.UTF_8), bcryptHash).verified;
        if (ok) {
            verifiedDigest = candidate;
        }
        return ok;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
