package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.opsbot.scenario.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (every document of a multi-document file) and JSON into {@link Located} trees. Syntax errors become
 * {@link ScenarioException}s at the line the parser stopped.
 */
public final class TreeReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory());

    private TreeReader() {}

    /** Every non-empty document of a YAML file (a JSON file is a YAML file with one document). */
    public static List<Located> yamlDocuments(Path file, String displayName) {
        return read(YAML, file, displayName);
    }

    /** The one document of a JSON file. */
    public static Located json(Path file, String displayName) {
        List<Located> documents = read(JSON, file, displayName);
        if (documents.size() != 1) {
            throw new ScenarioException(displayName, 1, "expected one JSON value, found " + documents.size());
        }
        return documents.get(0);
    }

    private static List<Located> read(ObjectMapper mapper, Path file, String displayName) {
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = mapper.createParser(in)) {
            List<Located> documents = new ArrayList<>();
            while (parser.nextToken() != null) {
                Map<String, Integer> lines = new HashMap<>();
                JsonNode node = value(parser, "", lines);
                if (!node.isNull()) {
                    documents.add(Located.document(displayName, node, lines));
                }
            }
            return documents;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ScenarioException(displayName, line, "syntax error: " + ParserMessages.describe(e), e);
        } catch (IOException e) {
            throw new ScenarioException(displayName, "cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser parser, String pointer, Map<String, Integer> lines) throws IOException {
        lines.put(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, value(parser, pointer + "/" + escape(name), lines));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(parser, pointer + "/" + index++, lines));
            }
            return array;
        }
        JsonNode scalar = parser.readValueAsTree();
        return scalar == null ? JsonNodeFactory.instance.nullNode() : scalar;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
