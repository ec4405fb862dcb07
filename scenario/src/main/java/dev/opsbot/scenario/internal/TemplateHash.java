package dev.opsbot.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * Names as the Deployment controller makes them: a ReplicaSet is {@code <deployment>-<pod-template-hash>}, a pod
 * {@code <replicaset>-<five characters>}, both from Kubernetes' alphabet without vowels. The hash is FNV-1a of the
 * template's JSON, spelled as Kubernetes spells its own (the decimal digits mapped into the alphabet): not the value a
 * real cluster would compute, but stable and of the same shape.
 */
final class TemplateHash {
    static final String LABEL = "pod-template-hash";
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private TemplateHash() {}

    static String of(PodTemplateSpec template) {
        ObjectNode json = Templates.comparable(template, false);
        String text;
        try {
            text = FabricJson.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return safeEncode(Long.toString(fnv(text)));
    }

    /** Five characters for a pod name, different for each {@code seed}. */
    static String podSuffix(String seed) {
        long hash = fnv(seed);
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt((int) (hash % ALPHABET.length())));
            hash /= ALPHABET.length();
        }
        return suffix.toString();
    }

    private static String safeEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            encoded.append(ALPHABET.charAt(b % ALPHABET.length()));
        }
        return encoded.toString();
    }

    private static long fnv(String text) {
        long hash = 0x811c9dc5L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash = (hash * 0x01000193L) & 0xffffffffL;
        }
        return hash;
    }
}
