package dev.opsbot.memory.retrieval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostingsTest {
    private final Postings postings = new Postings();
    private final int[] lengths = new int[3];

    @Test
    void aRowHoldingEveryQuestionWordScoresAboutOneAndARowHoldingNoneZero() {
        add(0, "checkout oom 512mi");
        add(1, "payments settlement report");
        add(2, "checkout canary traffic");
        float[] scores = new float[3];

        boolean known = postings.score(Tokens.of("checkout oom 512mi"), lengths, new float[3], scores);

        assertThat(known).isTrue();
        assertThat(scores[0]).isBetween(0.9f, 1.3f);
        assertThat(scores[1]).isZero();
        assertThat(scores[2]).as("only the commoner word").isBetween(0.05f, 0.3f);
    }

    @Test
    void wordsNoRowHoldsDoNotCountAndOutOfScopeRowsAreSkipped() {
        add(0, "checkout oom");
        add(1, "checkout oom");
        float[] inScope = {0, Float.NEGATIVE_INFINITY, 0};
        float[] scores = new float[3];

        postings.score(Tokens.of("checkout oom zebra"), lengths, inScope, scores);

        assertThat(scores[0]).isGreaterThan(0.8f);
        assertThat(scores[1]).isZero();
        assertThat(postings.score(Tokens.of("zebra"), lengths, inScope, new float[3]))
                .isFalse();
    }

    @Test
    void aRemovedRowNoLongerScoresAndItsWordsAreForgotten() {
        String[] words = add(0, "kafka retention");
        add(1, "redis eviction");
        postings.remove(0, words, lengths[0]);
        float[] scores = new float[3];

        assertThat(postings.score(Tokens.of("kafka retention"), lengths, new float[3], scores))
                .isFalse();
        assertThat(postings.vocabulary()).isEqualTo(2);
    }

    private String[] add(int row, String text) {
        List<String> words = Tokens.of(text);
        lengths[row] = words.size();
        return postings.add(row, words);
    }
}
