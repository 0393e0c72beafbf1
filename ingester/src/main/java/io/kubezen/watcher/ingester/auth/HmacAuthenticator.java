package io.kubezen.watcher.ingester.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An HMAC-SHA256 signature of the raw body in a header, GitHub style by default
 * ({@code X-Hub-Signature-256: sha256=<hex>}); base64 signatures are accepted too. The signature is
 * over the body bytes exactly as sent, before any Content-Encoding is decoded.
 */
final class HmacAuthenticator implements Authenticator {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final String header;
    private final String prefix;
    private final SecretKeySpec key;

    HmacAuthenticator(String header, String prefix, String secret) {
        this.header = header;
        this.prefix = prefix;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public void authenticate(AuthRequest request) {
        String value = request.headers().first(header).orElseThrow(() -> UnauthenticatedException.of(
                request.source(), header, "The request has no " + header + " header; send the HMAC-SHA256 of the "
                        + "raw body as '" + prefix + "<hex>'.", null));
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw UnauthenticatedException.of(request.source(), header,
                    "The " + header + " header does not start with '" + prefix + "'.", null);
        }
        byte[] provided = decode(value.substring(prefix.length()).trim());
        if (provided == null) {
            throw UnauthenticatedException.of(request.source(), header, "The signature in " + header
                    + " is neither hex nor base64 of a 32-byte HMAC-SHA256.", null);
        }
        if (!Digests.equal(sign(request.body()), provided)) {
            throw UnauthenticatedException.of(request.source(), header,
                    "The signature in " + header + " does not match the body.", null);
        }
    }

    private byte[] sign(byte[] body) {
        try {
            // Mac instances are not thread-safe; a fresh one per request is cheap next to the body hash.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }

    private static byte[] decode(String signature) {
        if (HEX.matcher(signature).matches()) {
            return HexFormat.of().parseHex(signature);
        }
        try {
            byte[] bytes = signature.indexOf('-') >= 0 || signature.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(signature)
                    : Base64.getDecoder().decode(signature);
            return bytes.length == MAC_BYTES ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
