package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.VerifierFormat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>} against one or more configured tokens or {@code sha256:<hex>}
 * verifiers. Only digests are kept in memory.
 */
final class BearerAuthenticator implements Authenticator {

    static final String CHALLENGE = "Bearer realm=\"zen-watcher\"";

    private static final String AUTHORIZATION = "Authorization";
    private static final String SCHEME = "bearer ";

    private final List<byte[]> digests;

    /** @param secret one token or verifier per line, as resolved from the source's secret reference */
    BearerAuthenticator(String secret) {
        List<byte[]> list = new ArrayList<>();
        for (String line : lines(secret)) {
            list.add(line.startsWith(VerifierFormat.SHA256_PREFIX) ? verifier(line) : Digests.sha256(line));
        }
        this.digests = List.copyOf(list);
    }

    /** True when the secret holds verifiers only, which are safe to keep in configuration. */
    static boolean verifiersOnly(String secret) {
        return lines(secret).stream().allMatch(line -> line.startsWith(VerifierFormat.SHA256_PREFIX));
    }

    @Override
    public void authenticate(AuthRequest request) {
        String header = request.headers().first(AUTHORIZATION).orElseThrow(() -> UnauthenticatedException.of(
                request.source(), AUTHORIZATION, "The request has no Authorization header; send "
                        + "'Authorization: Bearer <token>'.", CHALLENGE));
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw UnauthenticatedException.of(request.source(), AUTHORIZATION,
                    "The Authorization header does not use the Bearer scheme.", CHALLENGE);
        }
        byte[] candidate = Digests.sha256(header.substring(SCHEME.length()).trim());
        boolean match = false;
        for (byte[] digest : digests) {
            // No early exit: the time taken must not tell which configured token (if any) matched.
            match |= Digests.equal(digest, candidate);
        }
        if (!match) {
            throw UnauthenticatedException.of(request.source(), AUTHORIZATION, "The bearer token is not valid.",
                    CHALLENGE + ", error=\"invalid_token\"");
        }
    }

    private static List<String> lines(String secret) {
        List<String> lines = secret.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("webhook.auth.bearer.secretRef holds no token");
        }
        return lines;
    }

    private static byte[] verifier(String line) {
        if (!VerifierFormat.isSha256Line(line)) {
            // Never echo the line: it may be a real token that merely starts with the prefix.
            throw new IllegalArgumentException("webhook.auth.bearer.secretRef has a line starting with 'sha256:' "
                    + "that is not a verifier; a verifier is 'sha256:' followed by 64 hex digits");
        }
        return HexFormat.of().parseHex(line.substring(VerifierFormat.SHA256_PREFIX.length()));
    }
}
