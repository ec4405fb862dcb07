package dev.opsbot.core.memory;

import java.util.List;

/**
 * The team's runbooks: markdown files from a configured folder, split at their headings and searched like memories
 * (keywords and vectors). Read-only: people edit the files, not opsbot.
 */
public interface Runbooks {
    Runbooks NONE = new Runbooks() {
        @Override
        public List<RunbookPassage> search(String question, String service, int k) {
            return List.of();
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /**
     * The {@code k} passages that best answer {@code question}, best first, however weak.
     *
     * @param service the service asked about, or null: a passage naming another service ranks lower
     */
    List<RunbookPassage> search(String question, String service, int k);

    /** How many passages there are. */
    int size();
}
