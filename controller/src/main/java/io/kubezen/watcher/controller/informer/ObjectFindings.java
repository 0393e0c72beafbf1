package io.kubezen.watcher.controller.informer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The findings of one object that were last handed to the pipeline, as their fingerprints, and a digest over them
 * that says at a glance whether anything changed. Fingerprints name findings without anything the object's life
 * adds, so the digest is the same for an unchanged report after a resync, a restart or a re-creation.
 */
public record ObjectFindings(String digest, SortedSet<String> fingerprints) {

    public ObjectFindings {
        fingerprints = new TreeSet<>(fingerprints);
    }

    public static ObjectFindings of(Collection<String> fingerprints) {
        SortedSet<String> sorted = new TreeSet<>(fingerprints);
        return new ObjectFindings(digest(sorted), sorted);
    }

    /** The fingerprints here that {@code previous} did not hold. */
    public Set<String> newSince(ObjectFindings previous) {
        Set<String> added = new TreeSet<>(fingerprints);
        if (previous != null) {
            added.removeAll(previous.fingerprints);
        }
        return added;
    }

    private static String digest(SortedSet<String> fingerprints) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            fingerprints.forEach(f -> sha.update((f + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
