package dev.opsbot.core.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseNamesTest {
    private static final List<String> SHOP =
            List.of("cart", "checkout", "checkout-worker", "payments", "search", "postgres", "frontend");

    @Test
    void aTypoFindsTheNameItMeantFirst() {
        assertThat(CloseNames.closest("chekout", SHOP, 3)).first().isEqualTo("checkout");
    }

    @Test
    void unrelatedNamesAreNotSuggested() {
        assertThat(CloseNames.closest("chekout", SHOP, 10))
                .containsExactly("checkout")
                .doesNotContain("cart", "payments", "search", "postgres", "frontend");
    }

    @Test
    void aPartOfANameFindsTheNamesContainingIt() {
        assertThat(CloseNames.closest("checkout", List.of("checkout-worker", "checkout-api", "cart"), 5))
                .containsExactlyInAnyOrder("checkout-worker", "checkout-api");
    }

    @Test
    void aLongerNameFindsTheNameItContains() {
        assertThat(CloseNames.closest("payments-service", SHOP, 3)).containsExactly("payments");
    }

    @Test
    void closerNamesComeFirstAndTiesAlphabetically() {
        assertThat(CloseNames.closest("cat", List.of("cart", "cast", "chat", "cats", "catalogue"), 10))
                .startsWith("cart", "cast", "cats", "chat");
    }

    @Test
    void noMoreThanTheLimitAreSuggested() {
        List<String> many = List.of("search-1", "search-2", "search-3", "search-4", "search-5");

        assertThat(CloseNames.closest("search", many, 3)).hasSize(3);
    }

    @Test
    void nothingCloseIsAnEmptyList() {
        assertThat(CloseNames.closest("inventory", SHOP, 3)).isEmpty();
        assertThat(CloseNames.closest("inventory", List.of(), 3)).isEmpty();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(CloseNames.distance("chekout", "checkout")).isEqualTo(1);
        assertThat(CloseNames.distance("checkuot", "checkout")).isEqualTo(2);
        assertThat(CloseNames.distance("", "cart")).isEqualTo(4);
        assertThat(CloseNames.distance("kitten", "sitting")).isEqualTo(3);
    }
}
