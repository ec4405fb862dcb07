package dev.opsbot.core.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Aho-Corasick prefilter reports exactly what a naive search would, in any case, overlaps included. */
class KeywordIndexTest {
    private record Hit(int keyword, int start) {}

    @Test
    void findsEveryOccurrenceOfEveryKeywordIgnoringCase() {
        KeywordIndex index = new KeywordIndex(List.of("ghp_", "sk-", "sk-ant-", "token", "ok", "://"));

        List<Hit> hits = scan(index, "TOKEN=ghp_x sk-ant-1 https://ok.sk-");

        assertThat(hits)
                .containsExactlyInAnyOrder(
                        new Hit(3, 0),
                        new Hit(4, 1),
                        new Hit(0, 6),
                        new Hit(1, 12),
                        new Hit(2, 12),
                        new Hit(5, 26),
                        new Hit(4, 29),
                        new Hit(1, 32));
    }

    @Test
    void agreesWithANaiveSearchOnRandomText() {
        List<String> keywords = List.of("ab", "abc", "bca", "cab", "aaa", "b", "ca-", "-c");
        KeywordIndex index = new KeywordIndex(keywords);
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append("abcABC-é x".charAt(random.nextInt(10)));
            }
            assertThat(scan(index, text.toString()))
                    .containsExactlyInAnyOrderElementsOf(naive(keywords, text.toString()));
        }
    }

    @Test
    void keywordsMustBeLowerCaseAscii() {
        assertThatThrownBy(() -> new KeywordIndex(List.of("Token")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case ASCII");
        assertThatThrownBy(() -> new KeywordIndex(List.of(""))).hasMessageContaining("must not be empty");
    }

    private static List<Hit> scan(KeywordIndex index, String text) {
        List<Hit> hits = new ArrayList<>();
        index.scan(text, (keyword, start) -> hits.add(new Hit(keyword, start)));
        return hits;
    }

    private static List<Hit> naive(List<String> keywords, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (int k = 0; k < keywords.size(); k++) {
            for (int i = lower.indexOf(keywords.get(k)); i >= 0; i = lower.indexOf(keywords.get(k), i + 1)) {
                hits.add(new Hit(k, i));
            }
        }
        return hits;
    }
}
