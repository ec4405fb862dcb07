package dev.opsbot.core.triage;

import dev.opsbot.core.redaction.Redactor;
import dev.opsbot.core.redaction.Vault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one source found for one investigation.
 *
 * @param gaps what this source could not check and why ("events: this identity lacks permission events/list"),
 *     while the rest of its evidence stands
 */
public record SourceEvidence(
        String source,
        Inventory inventory,
        List<ChangeEvent> changes,
        List<Finding> findings,
        List<SignalSeries> signals,
        List<LogSignature> logs,
        List<Check> checks,
        List<String> gaps) {
    public SourceEvidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inventory, "inventory");
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
        signals = List.copyOf(signals);
        logs = List.copyOf(logs);
        checks = List.copyOf(checks);
        gaps = List.copyOf(gaps);
    }

    /** A builder whose evidence is redacted through a vault of its own. */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** A builder whose evidence is redacted through {@code vault}: the investigation's, shared by all its sources. */
    public static Builder builder(String source, Vault vault) {
        return new Builder(source).redactingWith(vault);
    }

    /**
     * Collects evidence as a source walks its objects. Not thread-safe: one per collection.
     *
     * <p>{@link #build()} redacts every text a source may have copied from the systems it reads (log samples and
     * signatures, change and finding details and attributes, field values, checks, gaps) so that no secret reaches
     * the triage result, the answer or a model. The vault is the investigation's when given ({@link
     * #redactingWith}), else one of this builder's own.
     */
    public static final class Builder {
        /** Shorter values ("on", "42") would be replaced wherever they happen to occur. */
        private static final int MIN_REMEMBERED = 4;

        private final String source;
        private Inventory inventory = Inventory.UNKNOWN;
        private final List<ChangeEvent> changes = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private final List<SignalSeries> signals = new ArrayList<>();
        private final List<LogSignature> logs = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<String> gaps = new ArrayList<>();
        private Vault vault;

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public String source() {
            return source;
        }

        public Builder inventory(Inventory value) {
            inventory = value;
            return this;
        }

        public Builder change(ChangeEvent change) {
            changes.add(change);
            return this;
        }

        public Builder finding(Finding finding) {
            findings.add(finding);
            return this;
        }

        public Builder signal(SignalSeries series) {
            signals.add(series);
            return this;
        }

        public Builder logs(List<LogSignature> signatures) {
            logs.addAll(signatures);
            return this;
        }

        public Builder normal(String what, String detail) {
            checks.add(Check.normal(source, what, detail));
            return this;
        }

        public Builder abnormal(String what, String detail) {
            checks.add(Check.abnormal(source, what, detail));
            return this;
        }

        public Builder gap(String what) {
            gaps.add(what);
            return this;
        }

        /** Redacts this source's evidence through {@code value}, so that placeholders match other sources'. */
        public Builder redactingWith(Vault value) {
            vault = Objects.requireNonNull(value, "vault");
            return this;
        }

        public SourceEvidence build() {
            Redactor redactor = Redactor.standard();
            Vault through = vault != null ? vault : Vault.create();
            return new SourceEvidence(
                    source,
                    inventory,
                    changes.stream().map(c -> redact(c, redactor, through)).toList(),
                    findings.stream().map(f -> redact(f, redactor, through)).toList(),
                    signals,
                    logs.stream().map(l -> l.redacted(redactor, through)).toList(),
                    checks.stream()
                            .map(c -> new Check(
                                    c.source(),
                                    redactor.redact(c.what(), through),
                                    c.normal(),
                                    redactor.redact(c.detail(), through)))
                            .toList(),
                    gaps.stream().map(g -> redactor.redact(g, through)).toList());
        }

        /**
         * Field values are judged by their field ({@code env.DB_PASSWORD} is a password whatever it looks like), and a
         * value replaced there is replaced in the detail too, which may repeat it.
         */
        private static ChangeEvent redact(ChangeEvent change, Redactor redactor, Vault vault) {
            List<FieldChange> fields = new ArrayList<>();
            Map<String, String> replaced = new LinkedHashMap<>();
            for (FieldChange field : change.fields()) {
                String before = redactor.redactField(field.field(), field.before(), vault);
                String after = redactor.redactField(field.field(), field.after(), vault);
                remember(replaced, field.before(), before);
                remember(replaced, field.after(), after);
                fields.add(new FieldChange(field.container(), field.field(), before, after));
            }
            String detail = redactor.redact(change.detail(), vault);
            for (Map.Entry<String, String> value : replaced.entrySet()) {
                detail = replaceOutsidePlaceholders(detail, value.getKey(), value.getValue());
            }
            return new ChangeEvent(
                    change.at(),
                    change.source(),
                    change.kind(),
                    change.target(),
                    change.revision(),
                    change.previousRevision(),
                    redactor.redact(change.author(), vault),
                    detail,
                    fields);
        }

        private static Finding redact(Finding finding, Redactor redactor, Vault vault) {
            Map<String, String> attributes = new LinkedHashMap<>();
            finding.attributes().forEach((key, value) -> attributes.put(key, redactor.redactField(key, value, vault)));
            return new Finding(
                    finding.at(),
                    finding.source(),
                    finding.kind(),
                    finding.subject(),
                    redactor.redact(finding.detail(), vault),
                    attributes);
        }

        /** A value wholly replaced by a placeholder (not merely redacted inside) is worth finding elsewhere. */
        private static void remember(Map<String, String> replaced, String original, String redacted) {
            if (original.length() >= MIN_REMEMBERED && redacted.startsWith("[[secret:") && redacted.endsWith("]]")) {
                replaced.put(original, redacted);
            }
        }

        /** Replaces {@code value} in {@code text}, but never inside a placeholder already there. */
        private static String replaceOutsidePlaceholders(String text, String value, String placeholder) {
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf("[[secret:", i);
                int close = open < 0 ? -1 : text.indexOf("]]", open);
                int stop = close < 0 ? text.length() : open;
                out.append(text.substring(i, stop).replace(value, placeholder));
                if (close < 0) {
                    break;
                }
                out.append(text, open, close + 2);
                i = close + 2;
            }
            return out.toString();
        }
    }
}
