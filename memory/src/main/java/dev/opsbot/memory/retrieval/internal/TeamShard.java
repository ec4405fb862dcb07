package dev.opsbot.memory.retrieval.internal;

import dev.opsbot.core.memory.MemoryItem;
import dev.opsbot.core.memory.MemoryScope;
import dev.opsbot.memory.retrieval.MemoryHit;
import dev.opsbot.memory.retrieval.Weights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One team's memories: rows of vectors, words and scope, searched under a read lock, changed under a write lock.
 * A forgotten memory's row is reused by the next one, so rows never move and the keyword index keeps row numbers.
 */
public final class TeamShard {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Weights weights;
    private final QuantizedVectors vectors;
    private final Postings postings = new Postings();
    private final Map<String, Integer> rowById = new HashMap<>();
    private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    private final Names services = new Names();
    private final Names namespaces = new Names();
    private final Mentions mentions;
    private MemoryItem[] items;
    private Instant[] changedAt;
    private int[] service;
    private int[] namespace;
    private int[] length;
    private String[][] words;
    private float[] votes;
    private int rows;
    private int[] free = new int[16];
    private int freeCount;

    public TeamShard(int dimensions, Weights weights) {
        this.weights = weights;
        int capacity = 64;
        vectors = new QuantizedVectors(dimensions, capacity);
        items = new MemoryItem[capacity];
        changedAt = new Instant[capacity];
        service = new int[capacity];
        namespace = new int[capacity];
        length = new int[capacity];
        words = new String[capacity][];
        votes = new float[capacity];
        mentions = new Mentions(capacity);
    }

    /** Adds or replaces a memory; {@code false} when it was already held exactly so (nothing to do). */
    public boolean put(MemoryItem item, float[] unit, Instant changed) {
        lock.readLock().lock();
        try {
            Integer row = rowById.get(item.id());
            if (row != null && items[row].equals(item) && changed.equals(changedAt[row])) {
                return false;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            Integer row = rowById.get(item.id());
            boolean newText = row == null || !items[row].text().equals(item.text());
            if (row == null) {
                row = allocate();
                rowById.put(item.id(), row);
            } else if (newText) {
                postings.remove(row, words[row], length[row]);
                words[row] = null;
                mentions.clear(row);
            }
            // a new service's name is looked for in the rows already indexed: this one is not, when its text is new
            service[row] = internService(item.scope().service());
            namespace[row] = namespaces.intern(item.scope().namespace());
            items[row] = item;
            if (newText) {
                index(row, item);
            }
            changedAt[row] = changed;
            votes[row] = (float) weights.votes(item);
            vectors.set(row, unit);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The service's id; a service seen for the first time is looked for in the texts already held. */
    private int internService(String name) {
        int known = services.size();
        int id = services.intern(name);
        if (services.size() > known) {
            mentions.nameAdded(
                    id,
                    services.lowerCase(id),
                    postings,
                    row -> items[row] == null ? "" : items[row].text().toLowerCase(Locale.ROOT));
        }
        return id;
    }

    /** Replaces the held item's usage and votes; {@code false} when the memory is not held. */
    public boolean updateUsage(String id, int uses, int upVotes, int downVotes) {
        lock.writeLock().lock();
        try {
            Integer row = rowById.get(id);
            if (row == null) {
                return false;
            }
            items[row] = items[row].withUsage(uses, upVotes, downVotes);
            votes[row] = (float) weights.votes(items[row]);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            Integer row = rowById.remove(id);
            if (row == null) {
                return false;
            }
            postings.remove(row, words[row], length[row]);
            items[row] = null;
            changedAt[row] = null;
            words[row] = null;
            mentions.clear(row);
            vectors.clear(row);
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = row;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<MemoryItem> get(String id) {
        lock.readLock().lock();
        try {
            Integer row = rowById.get(id);
            return row == null ? Optional.empty() : Optional.of(items[row]);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return rowById.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The {@code k} best memories for the question within {@code scope} (whose team is this shard's), best first.
     *
     * @param preferred a service asked about without filtering by it (the scope has none): its memories gain, those
     *     of other services lose, as when the question names it; null for none
     */
    public List<MemoryHit> search(
            String question,
            List<String> questionWords,
            float[] unitQuery,
            MemoryScope scope,
            String preferred,
            int k) {
        lock.readLock().lock();
        try {
            if (rowById.isEmpty()) {
                return List.of();
            }
            int n = rows;
            int serviceFilter = services.filter(scope.service());
            int namespaceFilter = namespaces.filter(scope.namespace());
            Scratch scratch = scratch(n);
            try {
                float[] similarity = scratch.similarity;
                float[] keywords = scratch.keywords;
                int count = 0;
                for (int r = 0; r < n; r++) {
                    keywords[r] = 0;
                    if (items[r] != null
                            && Names.matches(service[r], serviceFilter)
                            && Names.matches(namespace[r], namespaceFilter)) {
                        scratch.rows[count++] = r;
                    } else {
                        similarity[r] = Float.NEGATIVE_INFINITY;
                    }
                }
                vectors.scanInParallel(unitQuery, scratch.rows, count, similarity);
                postings.score(questionWords, length, similarity, keywords);
                return best(n, similarity, keywords, asked(question, serviceFilter, preferred), k);
            } finally {
                scratches.offer(scratch);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Arrays as long as the rows, for one search; kept for the next one, so that a search allocates kilobytes, not
     * a megabyte (at 100,000 memories that was a young collection every ~2 s of recalls; with reuse, none).
     */
    private Scratch scratch(int n) {
        Scratch scratch = scratches.poll();
        return scratch != null && scratch.rows.length >= n ? scratch : new Scratch(Math.max(n, items.length));
    }

    private record Scratch(int[] rows, float[] similarity, float[] keywords) {
        Scratch(int capacity) {
            this(new int[capacity], new float[capacity], new float[capacity]);
        }
    }

    /** @param askedService by service id, whether it was asked about; null when no service was */
    private List<MemoryHit> best(int n, float[] similarity, float[] keywords, boolean[] askedService, int k) {
        TopK top = new TopK(k);
        for (int r = 0; r < n; r++) {
            if (similarity[r] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            double score = weights.similarity() * similarity[r]
                    + weights.keywords() * Math.min(1f, keywords[r])
                    + votes[r]
                    + (askedService != null ? serviceTerm(r, askedService) : 0);
            top.offer(r, score);
        }
        List<MemoryHit> hits = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            int r = top.row(i);
            hits.add(new MemoryHit(items[r], top.score(i), similarity[r], Math.min(1f, keywords[r])));
        }
        return hits;
    }

    /**
     * What the row's services add when the question is about some. A memory is about its scope's service, or, when
     * taught for the whole team, about the services its text names (none: a team-wide rule). About an asked service
     * it gains; about only others it loses; a memory of another service that names an asked one in passing ("search
     * hides what inventory reports sold out") neither gains nor loses.
     */
    private double serviceTerm(int row, boolean[] askedService) {
        int own = service[row];
        int[] named = mentions.of(row);
        boolean namesAsked = false;
        for (int i = 0; i < named.length && !namesAsked; i++) {
            namesAsked = askedService[named[i]];
        }
        if (own >= 0) {
            return askedService[own] ? weights.serviceMatch() : namesAsked ? 0 : -weights.otherService();
        }
        return namesAsked ? weights.serviceMatch() : named.length > 0 ? -weights.otherService() : 0;
    }

    /**
     * The services asked about: the scope's, or else the preferred one, or else those the question names (several);
     * null for none. A preferred service no memory is about is still asked about: memories of other services lose.
     */
    private boolean[] asked(String question, int serviceFilter, String preferred) {
        if (serviceFilter == Names.UNKNOWN) {
            return null;
        }
        int service = serviceFilter >= 0 ? serviceFilter : services.filter(preferred);
        if (service != Names.NONE) {
            boolean[] asked = new boolean[services.size()];
            if (service >= 0) {
                asked[service] = true;
            }
            return asked;
        }
        boolean[] named = services.mentionedIn(question.toLowerCase(Locale.ROOT));
        for (boolean asked : named) {
            if (asked) {
                return named;
            }
        }
        return null;
    }

    private void index(int row, MemoryItem item) {
        List<String> tokens = Tokens.of(item.text());
        words[row] = postings.add(row, tokens);
        length[row] = tokens.size();
        mentions.index(row, words[row], item.text().toLowerCase(Locale.ROOT), services);
    }

    private int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        if (rows == items.length) {
            int capacity = items.length * 2;
            vectors.grow(capacity);
            mentions.grow(capacity);
            items = Arrays.copyOf(items, capacity);
            changedAt = Arrays.copyOf(changedAt, capacity);
            service = Arrays.copyOf(service, capacity);
            namespace = Arrays.copyOf(namespace, capacity);
            length = Arrays.copyOf(length, capacity);
            words = Arrays.copyOf(words, capacity);
            votes = Arrays.copyOf(votes, capacity);
        }
        return rows++;
    }
}
