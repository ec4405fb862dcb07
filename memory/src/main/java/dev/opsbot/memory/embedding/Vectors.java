package dev.opsbot.memory.embedding;

/** Small vector arithmetic shared by the embedder and the index. */
public final class Vectors {
    private Vectors() {}

    /** {@code vector} scaled to length 1 (a new array); all zeros stay zeros. */
    public static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        float[] out = vector.clone();
        if (sum == 0) {
            return out;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inverse;
        }
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
