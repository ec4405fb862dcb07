package dev.opsbot.core.learning;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.Recalled;
import dev.opsbot.core.memory.RunbookPassage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What team memory and the runbooks hold that is relevant to one question: only what is close enough to be cited.
 *
 * @param memories best first
 * @param passages runbook sections, best first
 */
public record Recollection(List<Recalled> memories, List<RunbookPassage> passages) {
    public static final Recollection NOTHING = new Recollection(List.of(), List.of());
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public Recollection {
        memories = List.copyOf(memories);
        passages = List.copyOf(passages);
    }

    public boolean isEmpty() {
        return memories.isEmpty() && passages.isEmpty();
    }

    public List<String> memoryIds() {
        return memories.stream().map(r -> r.item().id()).toList();
    }

    /** One line per memory and passage, as the answer cites them (and as the model receives them). */
    public List<String> citations() {
        List<String> lines = new ArrayList<>();
        for (Recalled recalled : memories) {
            lines.add(citation(recalled.item()));
        }
        for (RunbookPassage passage : passages) {
            lines.add("From runbook " + passage.citation() + ": " + excerpt(passage.text()));
        }
        return lines;
    }

    /** "From team memory (learned in #inc-checkout on 10 Mar by alice): checkout is OOMKilled below 512Mi." */
    static String citation(MemoryItem item) {
        return "From team memory (learned in " + item.source().channelName() + " on "
                + DAY.format(item.source().at()) + " by " + person(item.source().author()) + "): " + item.text();
    }

    /** The part of an e-mail people go by: alice for alice@example.com. */
    static String person(String author) {
        int at = author.indexOf('@');
        return at > 0 ? author.substring(0, at) : author;
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 297).strip() + "…";
    }
}
