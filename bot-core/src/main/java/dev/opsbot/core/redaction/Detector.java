package dev.opsbot.core.redaction;

import java.util.List;

/**
 * Finds one family of secrets. A detector never scans a text by itself: the {@link Redactor} finds its keywords
 * (one pass over the text for all detectors) and calls {@link #detect} at each occurrence, so a detector only looks
 * at what a secret starting near that keyword could span. That keeps redaction linear in the text, however long a
 * line is.
 *
 * <p>When two detectors report overlapping text, the higher priority wins, then the longer span.
 */
public interface Detector {
    /** A vendor's own token format: its prefix alone identifies it. */
    int SPECIFIC = 100;
    /** A whole structure: a PEM block, a Kubernetes Secret's values. */
    int STRUCTURE = 80;
    /** A secret recognised by where it is: an HTTP header, a URL's password, a named key. */
    int CONTEXT = 50;
    /** A {@code key=value} assignment judged by its key and the value's entropy. */
    int GENERIC = 10;

    /** The types this detector reports ({@code github-token}), for the catalogue and its tests. */
    List<String> types();

    /**
     * Lower-case ASCII literals, one of which occurs in (or right next to) every secret this detector finds; the
     * text is searched for them case-insensitively.
     */
    List<String> keywords();

    /**
     * Looks for secrets around {@code hit}, the index where {@code keyword} begins in {@code text} (in any case),
     * and reports each to {@code found}.
     */
    void detect(String text, int hit, String keyword, Found found);

    /** Where detectors report what they found, with a little memory per scan that keeps long inputs linear. */
    @FunctionalInterface
    interface Found {
        /** The secret is {@code text[start, end)}. */
        void secret(String type, int start, int end, int priority);

        /**
         * Tells the scan that a hit of this detector before {@code until} would find nothing new (it lies inside what
         * was just examined), so the detector is not called for it.
         */
        default void examined(int until) {}

        /** What this detector kept for this scan (null until set): what it learned at one hit, for the next. */
        default Object memo() {
            return null;
        }

        default void memo(Object value) {}
    }
}
