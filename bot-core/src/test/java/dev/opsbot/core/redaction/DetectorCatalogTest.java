package dev.opsbot.core.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.redaction.SecretSamples.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every secret type is found where it usually turns up, and the catalogue, its samples and its docs agree. */
class DetectorCatalogTest {
    private final Redactor redactor = Redactor.standard();

    static List<Sample> samples() {
        return SecretSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachTypeIsReplacedByAPlaceholderOfItsType(Sample sample) {
        String redacted = redactor.redact(sample.text(), Vault.create());

        assertThat(redacted)
                .as(sample.text())
                .doesNotContain(sample.secret())
                .contains("[[secret:" + sample.type() + ":");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void onlyTheSecretIsReplacedAndItsContextStays(Sample sample) {
        String redacted = redactor.redact(sample.text(), Vault.create());
        int at = sample.text().indexOf(sample.secret());

        assertThat(redacted).startsWith(sample.text().substring(0, at));
        assertThat(redacted)
                .endsWith(sample.text().substring(at + sample.secret().length()));
    }

    @Test
    void atLeastSixtyTypesAreDetectedAndEachHasASample() {
        Set<String> sampled = samples().stream().map(Sample::type).collect(Collectors.toSet());
        Set<String> types = new TreeSet<>(redactor.types());
        types.remove("truncated-secret"); // made by redactCut: RedactorTest covers it

        assertThat(types).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sampled).containsAll(types);
    }

    @Test
    void docsListEveryType() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "redaction.md"));

        assertThat(redactor.types()).allSatisfy(type -> assertThat(docs).contains("`" + type + "`"));
    }
}
