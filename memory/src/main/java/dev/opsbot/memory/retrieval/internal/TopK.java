package dev.opsbot.memory.retrieval.internal;

/** The k best (row, score) pairs seen, best first; on equal scores the one offered first stays ahead. */
final class TopK {
    private final int[] rows;
    private final double[] scores;
    private int size;

    TopK(int k) {
        rows = new int[k];
        scores = new double[k];
    }

    void offer(int row, double score) {
        if (size == rows.length && score <= scores[size - 1]) {
            return;
        }
        int at = size == rows.length ? size - 1 : size++;
        while (at > 0 && scores[at - 1] < score) {
            rows[at] = rows[at - 1];
            scores[at] = scores[at - 1];
            at--;
        }
        rows[at] = row;
        scores[at] = score;
    }

    int size() {
        return size;
    }

    int row(int rank) {
        return rows[rank];
    }

    double score(int rank) {
        return scores[rank];
    }
}
