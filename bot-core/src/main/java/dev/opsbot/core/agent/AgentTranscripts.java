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

    /** Kept in this process, for the newest {@code threads} threads: a restart forgets them. */
    static AgentTranscripts inMemory(int threads, int turnsPerThread) {
        Map<ThreadRef, List<Turn>> byThread = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ThreadRef, List<Turn>> eldest) {
                return size() > threads;
            }
        });
        return new AgentTranscripts() {
            @Override
            public List<Turn> recent(ThreadRef thread, int max) {
                synchronized (byThread) {
                    List<Turn> turns = byThread.getOrDefault(thread, List.of());
                    return List.copyOf(turns.subList(Math.max(0, turns.size() - max), turns.size()));
                }
            }

            @Override
            public void append(ThreadRef thread, Turn turn) {
                synchronized (byThread) {
                    List<Turn> turns = byThread.computeIfAbsent(thread, t -> new ArrayList<>());
                    turns.add(turn);
                    if (turns.size() > turnsPerThread) {
                        turns.removeFirst();
                    }
                }
            }
        };
    }
}
