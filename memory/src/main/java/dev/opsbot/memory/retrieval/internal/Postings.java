package dev.opsbot.memory.retrieval.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * An inverted index for BM25: for each word, the rows holding it and how often. Not thread-safe: the owner's lock
 * guards it.
 */
public final class Postings {
    /** BM25's usual constants: term frequency saturates around 2-3 repeats; long texts are discounted. */
    private static final double K1 = 1.2;

    private static final double B = 0.75;

    private final Map<String, Posting> byWord = new HashMap<>();
    private long totalLength;
    private int documents;

    /** Adds row {@code row}'s words; returns the distinct words, which {@link #remove} needs back. */
    public String[] add(int row, List<String> words) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
        counts.forEach((word, count) ->
                byWord.computeIfAbsent(word, w -> new Posting()).add(row, count));
        totalLength += words.size();
        documents++;
        return counts.keySet().toArray(String[]::new);
    }

    public void remove(int row, String[] distinctWords, int length) {
        for (String word : distinctWords) {
            Posting posting = byWord.get(word);
            if (posting != null && posting.remove(row) && posting.size == 0) {
                byWord.remove(word);
            }
        }
        totalLength -= length;
        documents--;
    }

    /**
     * Adds each row's BM25 score for {@code queryWords} to {@code scores} (rows whose score is
     * {@link Float#NEGATIVE_INFINITY} are out of scope and left alone), scaled so that a row holding every query word
     * once, at average length, scores about 1: the share of the question's information the row matches.
     *
     * @param lengths each row's word count
     * @return whether any word of the question is known here
     */
    public boolean score(List<String> queryWords, int[] lengths, float[] inScope, float[] scores) {
        if (documents == 0) {
            return false;
        }
        double averageLength = Math.max(1.0, (double) totalLength / documents);
        Map<Posting, Double> weights = new LinkedHashMap<>();
        double informationInQuestion = 0;
        for (String word : queryWords.stream().distinct().toList()) {
            Posting posting = byWord.get(word);
            if (posting == null) {
                continue; // a word no memory has cannot tell memories apart: it does not count
            }
            double idf = Math.log(1 + (documents - posting.size + 0.5) / (posting.size + 0.5));
            weights.put(posting, idf);
            informationInQuestion += idf;
        }
        if (weights.isEmpty()) {
            return false;
        }
        double norm = 1 / informationInQuestion;
        weights.forEach((posting, idf) -> {
            for (int i = 0; i < posting.size; i++) {
                int row = posting.rows[i];
                if (inScope[row] == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                int tf = posting.counts[i];
                double lengthNorm = 1 - B + B * lengths[row] / averageLength;
                scores[row] += (float) (norm * idf * tf * (K1 + 1) / (tf + K1 * lengthNorm));
            }
        });
        return true;
    }

    /** Calls {@code action} with each row holding {@code word} (a word as {@link Tokens} makes them). */
    public void forEachRow(String word, IntConsumer action) {
        Posting posting = byWord.get(word);
        if (posting != null) {
            for (int i = 0; i < posting.size; i++) {
                action.accept(posting.rows[i]);
            }
        }
    }

    public int vocabulary() {
        return byWord.size();
    }

    private static final class Posting {
        int[] rows = new int[4];
        int[] counts = new int[4];
        int size;

        void add(int row, int count) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            rows[size] = row;
            counts[size] = count;
            size++;
        }

        boolean remove(int row) {
            for (int i = 0; i < size; i++) {
                if (rows[i] == row) {
                    size--;
                    rows[i] = rows[size];
                    counts[i] = counts[size];
                    return true;
                }
            }
            return false;
        }
    }
}
