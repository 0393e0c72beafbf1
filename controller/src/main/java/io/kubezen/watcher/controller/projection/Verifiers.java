package io.kubezen.watcher.controller.projection;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.kubezen.watcher.config.VerifierFormat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns a credential into what can check it but not reproduce it, so the projection may sit in Redis:
 * bearer tokens become SHA-256 digests (tokens are long random strings, so a fast hash is enough), basic
 * passwords become bcrypt hashes (passwords may be guessable, so the hash must be slow). The ingester's
 * authenticators accept both forms and compare in constant time.
 */
final class Verifiers {

    // Same strategy as the ingester's BasicAuthenticator, so a password longer than 72 bytes verifies there.
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    private final int bcryptCost;

    Verifiers(int bcryptCost) {
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, was " + bcryptCost);
        }
        this.bcryptCost = bcryptCost;
    }

    /** One hex digest per token line; a line that already is a {@code sha256:} verifier is kept as it is. */
    String sha256(String tokens) {
        List<String> lines = tokens.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        StringBuilder digests = new StringBuilder();
        for (String line : lines) {
            digests.append(digests.isEmpty() ? "" : "\n")
                    .append(VerifierFormat.isSha256Line(line)
                            ? line.substring(VerifierFormat.SHA256_PREFIX.length()) : hex(line));
        }
        return digests.toString();
    }

    /**
     * A bcrypt hash of the password. bcrypt salts randomly, so the previous hash is reused while it still
     * matches: otherwise every sync would change the projection and wake every ingester.
     */
    String bcrypt(String password, String previousHash) {
        if (VerifierFormat.isBcryptHash(password)) {
            return password;
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (previousHash != null && VERIFYER.verify(bytes, previousHash.getBytes(StandardCharsets.US_ASCII)).verified) {
            return previousHash;
        }
        return new String(HASHER.hash(bcryptCost, bytes), StandardCharsets.US_ASCII);
    }

    private static String hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
