package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsbot.core.triage.Cause;
import dev.opsbot.core.triage.ObjectRef;
import dev.opsbot.scenario.Expectation;
import dev.opsbot.scenario.ScenarioException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The contents of scenario.yaml: what was asked, where, when, and what triage should answer. */
public record ScenarioHeader(
        String name,
        Instant now,
        String question,
        String namespace,
        String service,
        Optional<String> channel,
        Optional<Expectation> expectation,
        String description) {

    private static final List<String> REQUIRED = List.of("now", "namespace", "service", "question");
    private static final Set<String> KNOWN =
            Set.of("name", "now", "question", "namespace", "service", "channel", "expect", "description");

    public static ScenarioHeader read(Path file, String displayName, String defaultName) {
        List<Located> documents = TreeReader.yamlDocuments(file, displayName);
        if (documents.size() != 1 || !documents.get(0).node().isObject()) {
            throw new ScenarioException(
                    displayName, 1, "expected one YAML mapping (now, namespace, service, question)");
        }
        Located yaml = documents.get(0);
        rejectUnknownKeys(yaml, KNOWN, "");
        for (String key : REQUIRED) {
            if (!yaml.node().hasNonNull(key)) {
                throw yaml.error("", "required key '" + key + "' is missing");
            }
        }
        return new ScenarioHeader(
                optionalText(yaml, "/name").orElse(defaultName),
                instant(yaml, "/now"),
                text(yaml, "/question"),
                text(yaml, "/namespace"),
                text(yaml, "/service"),
                optionalText(yaml, "/channel"),
                expectation(yaml),
                optionalText(yaml, "/description").orElse(""));
    }

    private static Optional<Expectation> expectation(Located yaml) {
        if (!yaml.node().hasNonNull("expect")) {
            return Optional.empty();
        }
        Located expect = yaml.at("/expect");
        if (!expect.node().isObject()) {
            throw expect.error("", "'expect' must be a mapping with 'cause' and, unless cause is healthy, 'culprit'");
        }
        rejectUnknownKeys(expect, Set.of("cause", "culprit"), "expect.");
        String causeName = text(expect, "/cause");
        Cause cause;
        try {
            cause = Cause.fromJsonName(causeName);
        } catch (IllegalArgumentException e) {
            throw expect.error("/cause", "unknown cause '" + causeName + "' (one of " + causeNames() + ")");
        }
        return Optional.of(new Expectation(cause, culprit(expect)));
    }

    private static Optional<ObjectRef> culprit(Located expect) {
        if (!expect.node().hasNonNull("culprit")) {
            return Optional.empty();
        }
        Located culprit = expect.at("/culprit");
        if (!culprit.node().isObject()) {
            throw culprit.error("", "'expect.culprit' must be a mapping with kind, namespace and name");
        }
        rejectUnknownKeys(culprit, Set.of("kind", "namespace", "name"), "expect.culprit.");
        return Optional.of(ObjectRef.of(
                text(culprit, "/kind"), optionalText(culprit, "/namespace").orElse(""), text(culprit, "/name")));
    }

    private static Instant instant(Located yaml, String pointer) {
        String value = text(yaml, pointer);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw yaml.error(
                    pointer,
                    "'" + pointer.substring(1) + "' is not an RFC 3339 time: '" + value
                            + "' (write it like 2026-03-10T02:45:00Z)");
        }
    }

    private static String text(Located yaml, String pointer) {
        return optionalText(yaml, pointer)
                .orElseThrow(() -> yaml.error("", "required key '" + pointer.substring(1) + "' is missing"));
    }

    private static Optional<String> optionalText(Located yaml, String pointer) {
        JsonNode value = yaml.node().at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw yaml.error(pointer, "'" + pointer.substring(1) + "' must be non-empty text");
        }
        return Optional.of(value.asText().strip());
    }

    private static void rejectUnknownKeys(Located yaml, Set<String> known, String prefix) {
        Iterator<String> names = yaml.node().fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw yaml.error(
                        "/" + name,
                        "unknown key '" + prefix + name + "' (known: "
                                + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static List<String> causeNames() {
        return Arrays.stream(Cause.values()).map(Cause::jsonName).toList();
    }
}
