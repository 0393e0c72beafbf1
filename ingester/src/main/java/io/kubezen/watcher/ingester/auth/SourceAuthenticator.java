package io.kubezen.watcher.ingester.auth;

import io.kubezen.watcher.config.AuthMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether one request may send to one webhook source: first the client address against the
 * allowlist (cheap, and it keeps strangers from costing us a bcrypt check), then the credentials of the
 * source's mode. Build one per source when its configuration loads; it is immutable and thread-safe.
 */
public final class SourceAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(SourceAuthenticator.class);

    private final String source;
    private final AuthMode mode;
    private final List<Cidr> allowedCidrs;
    private final ClientAddressResolver addresses;
    private final Authenticator credentials;

    private SourceAuthenticator(String source, AuthSettings settings, Authenticator credentials) {
        this.source = source;
        this.mode = settings.mode();
        this.allowedCidrs = settings.allowedCidrs();
        this.addresses = new ClientAddressResolver(settings.trustedProxyCidrs());
        this.credentials = credentials;
    }

    /**
     * Resolves the secrets the settings refer to and logs, once, how the source is protected (never a
     * secret value).
     *
     * @throws IllegalArgumentException naming the configuration key when a secret cannot be resolved or
     *                                  is malformed
     */
    public static SourceAuthenticator create(String source, AuthSettings settings, SecretResolver secrets) {
        Authenticator credentials = settings.mode() == null ? refuseAll(source) : switch (settings.mode()) {
            case NONE -> {
                LOG.info("Source {} accepts unauthenticated requests (webhook.auth.mode: none)", source);
                yield request -> { };
            }
            case BEARER -> {
                String tokens = resolve(source, secrets, settings.bearer().secretRef(), "bearer",
                        BearerAuthenticator::verifiersOnly);
                yield new BearerAuthenticator(tokens);
            }
            case BASIC -> {
                String password = resolve(source, secrets, settings.basic().secretRef(), "basic",
                        BasicAuthenticator::isBcryptHash);
                yield new BasicAuthenticator(settings.basic().username(), password);
            }
            case HMAC -> {
                AuthSettings.Hmac hmac = settings.hmac();
                String key = resolve(source, secrets, hmac.secretRef(), "hmac", value -> false);
                yield new HmacAuthenticator(hmac.header(), hmac.prefix(), key);
            }
            case CLIENT_CERT -> new ClientCertAuthenticator(settings.clientCert().allowedSubjects());
        };
        if (!settings.allowedCidrs().isEmpty()) {
            LOG.info("Source {} accepts clients from {} (trusted proxies: {})", source, settings.allowedCidrs(),
                    settings.trustedProxyCidrs());
        }
        return new SourceAuthenticator(source, settings, credentials);
    }

    /** Empty when the source names no mode and refuses every request. */
    public Optional<AuthMode> mode() {
        return Optional.ofNullable(mode);
    }

    /**
     * True when {@link #authenticate} takes microseconds, so a thread that must not stall (the server's event loop)
     * may call it: every mode but basic, whose bcrypt check takes tens of milliseconds on purpose.
     */
    public boolean isQuick() {
        return mode != AuthMode.BASIC;
    }

    /**
     * @throws ForbiddenException       when the client address is not allowed
     * @throws UnauthenticatedException when credentials are missing or invalid, or no mode is configured
     */
    public void authenticate(AuthRequest request) {
        if (!allowedCidrs.isEmpty()) {
            InetAddress client = addresses.resolve(request.peerAddress(), request.headers())
                    .orElseThrow(() -> new ForbiddenException(source, "The client address cannot be determined: "
                            + "a trusted proxy forwarded an X-Forwarded-For hop that is not an IP address."));
            if (allowedCidrs.stream().noneMatch(cidr -> cidr.contains(client))) {
                throw new ForbiddenException(source, "The client address " + client.getHostAddress()
                        + " is not in webhook.auth.allowedCidrs.");
            }
        }
        credentials.authenticate(request);
    }

    private static Authenticator refuseAll(String source) {
        LOG.warn("Source {} has no authentication configured and refuses every request; set "
                + "webhook.auth.mode, or webhook.auth.mode: none to accept anyone", source);
        return request -> {
            throw UnauthenticatedException.notConfigured(request.source());
        };
    }

    private static String resolve(String source, SecretResolver secrets, SecretRef ref, String mode,
                                  Predicate<String> notSecret) {
        String key = "webhook.auth." + mode + ".secretRef";
        String value = secrets.resolve(ref, key);
        if (ref.kind() == SecretRef.Kind.INLINE && !notSecret.test(value)) {
            LOG.warn("Source {} takes {} from an inline value; inline secrets are for development only, "
                    + "use an env or file reference", source, key);
        }
        return value;
    }
}
