package io.kubezen.watcher.ingester.limit;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link LimitSettings} from an Ingester's {@code webhook.limits} as parsed from YAML or JSON.
 * Every key is optional and falls back to {@link LimitSettings#defaultsFor}. Byte sizes are numbers of
 * bytes or Kubernetes-style quantities ({@code 512Ki}, {@code 12Mi}):
 *
 * <pre>
 * webhook:
 *   limits:
 *     maxBodyBytes: 2Mi
 *     maxDecompressedBytes: 8Mi
 *     maxNestingDepth: 64
 *     ratePerSecond: 50
 *     burst: 100
 * </pre>
 */
public final class LimitSettingsReader {

    private static final String PREFIX = "webhook.limits.";
    private static final Pattern SIZE = Pattern.compile("(\\d+)(Ki|Mi|Gi)?");

    private LimitSettingsReader() {
    }

    /** @param limits the {@code webhook.limits} map, or null when the Ingester has none */
    public static LimitSettings read(String sourceType, Map<String, ?> limits) {
        LimitSettings defaults = LimitSettings.defaultsFor(sourceType);
        Map<String, ?> map = limits == null ? Map.of() : limits;
        long body = bytes(map, "maxBodyBytes", defaults.maxBodyBytes());
        // An unset decompressed limit follows the body limit, as in the defaults.
        long decompressed = bytes(map, "maxDecompressedBytes", body);
        long depth = whole(map, "maxNestingDepth", defaults.maxNestingDepth());
        if (depth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(PREFIX + "maxNestingDepth is too large: " + depth);
        }
        double rate = number(map, "ratePerSecond", defaults.rateLimit().ratePerSecond());
        long burst = whole(map, "burst", defaults.rateLimit().burst());
        return new LimitSettings(body, decompressed, (int) depth, new RateLimitSettings(rate, burst));
    }

    private static long bytes(Map<String, ?> map, String key, long fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text) {
            Matcher m = SIZE.matcher(text.trim());
            if (m.matches()) {
                try {
                    long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
                        case "Ki" -> 1024L;
                        case "Mi" -> LimitSettings.MIB;
                        default -> 1024L * LimitSettings.MIB;
                    };
                    return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
                } catch (ArithmeticException | NumberFormatException e) {
                    throw invalid(key, value, "a size that fits in 64 bits");
                }
            }
            throw invalid(key, value, "a number of bytes or a quantity such as 512Ki or 12Mi");
        }
        return whole(map, key, fallback);
    }

    private static long whole(Map<String, ?> map, String key, long fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw invalid(key, value, "a whole number");
    }

    private static double number(Map<String, ?> map, String key, double fallback) {
        Object value = map.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw invalid(key, value, "a number");
    }

    private static IllegalArgumentException invalid(String key, Object value, String expected) {
        return new IllegalArgumentException(PREFIX + key + " must be " + expected + ", got '" + value + "'");
    }
}
