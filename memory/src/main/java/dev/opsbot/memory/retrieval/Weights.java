package dev.opsbot.memory.retrieval;

import dev.opsbot.core.memory.MemoryItem;

/**
 * How a memory's score is made: {@code similarity x cosine + keywords x keyword share + service match or
 * other service + votes}.
 *
 * <ul>
 *   <li>{@code similarity}: the cosine of the question's and the memory's MiniLM vectors (-1..1; related texts
 *       0.3-0.7). The main signal: it finds a memory asked about in other words.
 *   <li>{@code keywords}: BM25 over the words both share, as a share of the question's information (0..1: 1 when the
 *       memory holds every word of the question that any memory holds). Names, codes and numbers ({@code 5xx},
 *       {@code 512mi}, {@code patronictl}) are where MiniLM is weakest and words are strongest.
 *   <li>{@code serviceMatch}: added when the memory is scoped to the service asked about (the scope's, or else one the
 *       question names), so it ranks above a team-wide memory that is as relevant.
 *   <li>{@code upVote}/{@code downVote}: {@code (upVote x up - downVote x down) / (up + down + 2)}, bounded by the
 *       weights: one :-1: costs 0.04, three cost 0.07; votes move a memory past one about as relevant, never past a
 *       clearly better one. A :-1: weighs double, because citing a wrong memory does more harm than missing a good
 *       one.
 * </ul>
 *
 * How often a memory was cited does not count: it would keep recalling what was recalled before.
 */
public record Weights(
        double similarity, double keywords, double serviceMatch, double otherService, double upVote, double downVote) {
    /**
     * Keywords at 0.2 of the cosine, a memory of the asked service +0.05, of another service -0.2. Chosen by measuring
     * (memory/README.md has the tables): on the paraphrase set (282 memories) keywords at 0.35, the first choice, lost
     * a question against 0.1-0.2, a flat range; among 100,000 memories (bench) the service terms carry the most, and -0.2 to
     * -0.3 is flat.
     */
    public static final Weights DEFAULT = new Weights(1.0, 0.2, 0.05, 0.2, 0.06, 0.12);

    public Weights {
        check("similarity", similarity);
        check("keywords", keywords);
        check("serviceMatch", serviceMatch);
        check("otherService", otherService);
        check("upVote", upVote);
        check("downVote", downVote);
    }

    /** Cosine only: for comparison. */
    public static Weights similarityOnly() {
        return new Weights(1, 0, 0, 0, 0, 0);
    }

    /** Keywords only: for comparison. */
    public static Weights keywordsOnly() {
        return new Weights(0, 1, 0, 0, 0, 0);
    }

    /** What the memory's votes add to its score. */
    public double votes(MemoryItem item) {
        int up = Math.max(0, item.upVotes());
        int down = Math.max(0, item.downVotes());
        return up + down == 0 ? 0 : (upVote * up - downVote * down) / (up + down + 2);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " weight must be a finite number >= 0, not " + value);
        }
    }
}
