package io.kubezen.watcher.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON patch with the operations controllers use: {@code add}, {@code remove}, {@code replace},
 * {@code test}, {@code move} and {@code copy}. A failed operation is a 422, as on the real server.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isArray()) {
            throw ApiError.badRequest("a JSON patch must be an array of operations");
        }
        JsonNode result = target.deepCopy();
        for (JsonNode op : patch) {
            result = applyOne(result, op);
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode doc, JsonNode op) {
        String path = op.path("path").asText();
        return switch (op.path("op").asText()) {
            case "add" -> add(doc, path, value(op));
            case "remove" -> remove(doc, path);
            case "replace" -> add(remove(doc, path), path, value(op));
            case "test" -> {
                if (!resolve(doc, path).equals(value(op))) {
                    throw failed("testing value " + path + " failed");
                }
                yield doc;
            }
            case "move" -> {
                String from = op.path("from").asText();
                JsonNode moved = resolve(doc, from);
                yield add(remove(doc, from), path, moved);
            }
            case "copy" -> add(doc, path, resolve(doc, op.path("from").asText()).deepCopy());
            default -> throw ApiError.badRequest("unexpected JSON patch operation " + op.path("op"));
        };
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = resolve(doc, parentOf(path));
        String last = lastToken(path);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value);
            } else {
                int index = index(last, array.size() + 1, path);
                array.insert(index, value);
            }
        } else {
            throw failed("doc is missing path: " + path);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String path) {
        JsonNode parent = resolve(doc, parentOf(path));
        String last = lastToken(path);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size(), path));
        } else {
            throw failed("unable to remove nonexistent key: " + last + ": missing value");
        }
        return doc;
    }

    private static JsonNode resolve(JsonNode doc, String path) {
        JsonNode node = doc;
        for (String token : tokens(path)) {
            node = node.isArray() ? node.path(index(token, node.size(), path)) : node.path(token);
            if (node.isMissingNode()) {
                throw failed("doc is missing path: " + path);
            }
        }
        return node;
    }

    private static List<String> tokens(String path) {
        List<String> tokens = new ArrayList<>();
        if (path.isEmpty()) {
            return tokens;
        }
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String parentOf(String path) {
        return path.substring(0, Math.max(0, path.lastIndexOf('/')));
    }

    private static String lastToken(String path) {
        List<String> tokens = tokens(path);
        return tokens.get(tokens.size() - 1);
    }

    private static int index(String token, int bound, String path) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && index < bound) {
                return index;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw failed("invalid index " + token + " in " + path);
    }

    private static JsonNode value(JsonNode op) {
        if (!op.has("value")) {
            throw ApiError.badRequest("JSON patch operation " + op + " has no value");
        }
        return op.get("value").deepCopy();
    }

    private static ApiError failed(String message) {
        return ApiError.ofCode(422, "the server rejected our request due to an error in our request: " + message);
    }
}
