package io.kubezen.watcher.ingester.auth;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The subject of the TLS client certificate against allowed subjects. The TLS handshake has already
 * checked the certificate chain, validity and possession of the key; this only decides whether that
 * verified identity may send to the source.
 */
final class ClientCertAuthenticator implements Authenticator {

    private final Set<String> allowedDns = new HashSet<>();
    private final Set<String> allowedCommonNames = new HashSet<>();

    /** @param allowedSubjects full DNs (anything with '=') or bare common names */
    ClientCertAuthenticator(List<String> allowedSubjects) {
        for (String subject : allowedSubjects) {
            if (subject.indexOf('=') >= 0) {
                allowedDns.add(canonical(subject));
            } else {
                allowedCommonNames.add(subject.trim().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Override
    public void authenticate(AuthRequest request) {
        X509Certificate certificate = request.certificate().orElseThrow(() -> UnauthenticatedException.of(
                request.source(), null, "No client certificate was presented. This source requires mutual TLS "
                        + "terminated by the ingester.", null));
        X500Principal subject = certificate.getSubjectX500Principal();
        boolean allowed = allowedDns.contains(subject.getName(X500Principal.CANONICAL))
                || commonName(subject).map(cn -> allowedCommonNames.contains(cn.toLowerCase(Locale.ROOT)))
                .orElse(false);
        if (!allowed) {
            throw new ForbiddenException(request.source(), "The client certificate subject '"
                    + subject.getName(X500Principal.RFC2253) + "' is not in webhook.auth.clientCert.allowedSubjects.");
        }
    }

    private static String canonical(String dn) {
        try {
            return new X500Principal(dn).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook.auth.clientCert.allowedSubjects: '" + dn
                    + "' is not a distinguished name", e);
        }
    }

    /** The most specific CN, which is the one that names the client. */
    private static Optional<String> commonName(X500Principal subject) {
        try {
            List<Rdn> rdns = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns();
            // LdapName lists RDNs from the least specific; walk from the end.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdns.get(i).getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
