package dev.opsbot.bench.internal;

import dev.opsbot.core.audit.AuditEntry;
import dev.opsbot.core.audit.AuditEvent;
import dev.opsbot.core.audit.AuditLog;
import dev.opsbot.core.chat.ChatEvent;
import dev.opsbot.core.chat.ChatUser;
import dev.opsbot.core.chat.ThreadRef;
import dev.opsbot.core.identity.Acting;
import dev.opsbot.core.identity.CredentialBroker;
import dev.opsbot.core.identity.Environments;
import dev.opsbot.core.identity.Identity;
import dev.opsbot.core.identity.IdentityCache;
import dev.opsbot.identity.directory.StaticDirectory;
import dev.opsbot.identity.directory.StaticPerson;
import dev.opsbot.identity.mapping.GroupMapping;
import dev.opsbot.identity.mapping.GroupMappings;
import dev.opsbot.identity.mapping.MappingResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One person, alice, as the identity module maps her in production: the real {@link MappingResolver} over a
 * {@link StaticDirectory} (identity.people) and one group mapping giving her group a read role in
 * {@value #ENVIRONMENT}, in front of whichever {@link CredentialBroker} the caller gives. The identity cache and the
 * audit log are in memory (production keeps both in the database; the audit log is written once per STS call, not on
 * a cache hit, and the identity cache is asked once per request, before any tool).
 */
public final class BenchIdentity {
    public static final String ENVIRONMENT = "production";
    public static final String READ_ROLE = "arn:aws:iam::111111111111:role/opsbot-read-oncall";
    public static final String GROUP = "shop-oncall";
    public static final ChatUser ALICE = new ChatUser("U024ALICE", "Alice Chen", "alice@example.com");

    private BenchIdentity() {}

    /** {@link Acting} resolving alice (and nobody else) with the production resolver. */
    public static Acting acting(CredentialBroker broker, Clock clock) {
        MappingResolver resolver = new MappingResolver(
                new StaticDirectory(List.of(new StaticPerson(ALICE.email(), ALICE.name(), List.of(GROUP)))),
                GroupMappings.of(new GroupMapping(
                        GROUP, ENVIRONMENT, READ_ROLE, null, List.of("shop-readers"), List.of(), false)),
                new MemoryIdentityCache(),
                Duration.ofHours(8),
                clock,
                "#platform-access");
        return new Acting(resolver, broker, Environments.only(ENVIRONMENT));
    }

    /** Alice asking opsbot in Slack thread {@code thread} of the incident channel; {@code eventId} is the request. */
    public static ChatEvent question(String thread, String eventId) {
        return new ChatEvent.Mention(
                eventId,
                new ThreadRef("slack", "C0INCIDENT", thread),
                thread,
                ALICE,
                "why is checkout 5xx?",
                Instant.now());
    }

    /** Resolved people in a map, as the database cache holds them: by platform and chat user, until they expire. */
    public static final class MemoryIdentityCache implements IdentityCache {
        private record Entry(Identity identity, Instant expiresAt) {}

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Identity> find(String platform, String chatUserId, Instant now) {
            Entry entry = entries.get(platform + "/" + chatUserId);
            return entry == null || !now.isBefore(entry.expiresAt()) ? Optional.empty() : Optional.of(entry.identity());
        }

        @Override
        public void put(Identity identity, Instant expiresAt) {
            entries.put(identity.platform() + "/" + identity.chatUserId(), new Entry(identity, expiresAt));
        }

        @Override
        public void evict(String platform, String chatUserId) {
            entries.remove(platform + "/" + chatUserId);
        }
    }

    /** An audit log that also notes which thread recorded each event, and when ({@link System#nanoTime()}). */
    public static final class RecordingAuditLog implements AuditLog {
        /** An event with the thread that recorded it. */
        public record Recorded(AuditEvent event, Thread thread, long nanos) {}

        private final List<Recorded> recorded = new ArrayList<>();

        @Override
        public synchronized void record(AuditEvent event) {
            recorded.add(new Recorded(event, Thread.currentThread(), System.nanoTime()));
        }

        @Override
        public synchronized List<AuditEntry> since(Instant since, int limit) {
            List<AuditEntry> entries = new ArrayList<>();
            for (int i = 0; i < recorded.size() && entries.size() < limit; i++) {
                if (!recorded.get(i).event().at().isBefore(since)) {
                    entries.add(new AuditEntry(i + 1, recorded.get(i).event()));
                }
            }
            return entries;
        }

        /** The events recorded since the last call, oldest first; the log is cleared. */
        public synchronized List<Recorded> drain() {
            List<Recorded> out = List.copyOf(recorded);
            recorded.clear();
            return out;
        }
    }
}
