package dev.opsbot.core.agent;

import dev.opsbot.core.chat.ThreadRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was said with the model in each thread, so a follow-up continues the conversation. Turns are redacted
 * before they are kept.
 */
public interface AgentTranscripts {
    /** The last {@code max} turns of the thread, oldest first. */
    List<Turn> recent(ThreadRef thread, int max);

    void append(ThreadRef thread, Turn turn);

    /** Forgets every turn written before {@code cutoff}; returns how many. Conversations are not kept for ever. */
    int forgetBefore(java.time.Instant cutoff);

    /** How long turns are kept: a follow-up comes within hours; a month covers a long incident and its review. */
    java.time.Duration RETENTION = java.time.Duration.ofDays(30);

    /** Kept in this process, for the newest {@code threads} threads: a restart forgets them. */
    static AgentTranscripts inMemory(int threads, int turnsPerThread) {
        record Written(Turn turn, java.time.Instant at) {}
        Map<ThreadRef, List<Written>> byThread = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ThreadRef, List<Written>> eldest) {
                return size() > threads;
            }
        });
        return new AgentTranscripts() {
            @Override
            public List<Turn> recent(ThreadRef thread, int max) {
                synchronized (byThread) {
                    List<Written> turns = byThread.getOrDefault(thread, List.of());
                    return turns.subList(Math.max(0, turns.size() - max), turns.size()).stream()
                            .map(Written::turn)
                            .toList();
                }
            }

            @Override
            public void append(ThreadRef thread, Turn turn) {
                synchronized (byThread) {
                    List<Written> turns = byThread.computeIfAbsent(thread, t -> new ArrayList<>());
                    turns.add(new Written(turn, java.time.Instant.now()));
                    if (turns.size() > turnsPerThread) {
                        turns.removeFirst();
                    }
                }
            }

            @Override
            public int forgetBefore(java.time.Instant cutoff) {
                synchronized (byThread) {
                    int forgotten = 0;
                    for (List<Written> turns : byThread.values()) {
                        int before = turns.size();
                        turns.removeIf(w -> w.at().isBefore(cutoff));
                        forgotten += before - turns.size();
                    }
                    byThread.values().removeIf(List::isEmpty);
                    return forgotten;
                }
            }
        };
    }
}
