package dev.opsbot.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree in the canonical form {@link CanonicalJson} describes. Written here rather than left to
 * Jackson's generator so that every byte is decided by rules this project states: a Jackson upgrade that changed
 * an escape would otherwise change every hash after it.
 */
final class CanonicalWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalWriter() {}

    static String write(JsonNode tree) {
        StringBuilder out = new StringBuilder(512);
        value(tree, out);
        return out.toString();
    }

    private static void value(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, out);
            case ARRAY -> array(node, out);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default ->
                throw new IllegalArgumentException(
                        "an audit event cannot hold " + node.getNodeType() + " values in canonical JSON");
        }
    }

    private static void object(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isNull()) {
                fields.add(field);
            }
        }
        // String order is UTF-16 code unit order, which is what RFC 8785 sorts by
        fields.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(fields.get(i).getKey(), out);
            out.append(':');
            value(fields.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void array(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            value(node.get(i), out);
        }
        out.append(']');
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
            return;
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("an audit event cannot hold " + node.doubleValue());
        }
        // none of today's events holds a fraction; should one, it is written plainly, never with an exponent
        out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    }

    /**
     * Escapes what JSON requires and nothing else: the quote, the backslash and control characters (the five with
     * short forms as such, the others as {@code \}{@code u00xx}). A lone surrogate, which has no UTF-8 form, is
     * escaped too, so that the text survives storage unchanged.
     */
    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || loneSurrogate(text, i)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean loneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
