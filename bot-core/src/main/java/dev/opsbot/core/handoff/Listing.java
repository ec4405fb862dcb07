package dev.opsbot.core.handoff;

import java.util.List;
import java.util.function.Function;

/**
 * The first items of a section of a handoff, and how many more there were: a busy shift still fits in one message
 * ("and 12 more").
 */
public record Listing<T>(List<T> items, int more) {
    public Listing {
        items = List.copyOf(items);
        if (more < 0) {
            throw new IllegalArgumentException("a listing cannot leave out " + more + " items");
        }
    }

    /** The first {@code cap} of {@code all} (already in the order to show). */
    public static <T> Listing<T> of(List<T> all, int cap) {
        return all.size() <= cap ? new Listing<>(all, 0) : new Listing<>(all.subList(0, cap), all.size() - cap);
    }

    public static <T> Listing<T> empty() {
        return new Listing<>(List.of(), 0);
    }

    /** The same listing of something made of each item (the items left out stay counted). */
    public <R> Listing<R> map(Function<? super T, ? extends R> each) {
        return new Listing<>(items.stream().<R>map(each).toList(), more);
    }

    public boolean isEmpty() {
        return items.isEmpty() && more == 0;
    }

    public int total() {
        return items.size() + more;
    }
}
