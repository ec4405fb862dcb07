package dev.opsbot.tools.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataOnlyTest {

    @Test
    void ourOwnHeadersAdmitOnlyMetadata() {
        assertThat(MetadataOnly.accepts(List.of(MetadataOnly.ACCEPT_OBJECT))).isTrue();
        assertThat(MetadataOnly.accepts(List.of(MetadataOnly.ACCEPT_LIST))).isTrue();
    }

    @Test
    void severalMetadataRangesWithPreferencesStillAdmitOnlyMetadata() {
        String both = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1;q=0.9,"
                + " application/vnd.kubernetes.protobuf;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1";

        assertThat(MetadataOnly.accepts(List.of(both))).isTrue();
    }

    @Test
    void anyRangeThatCouldReturnTheObjectAdmitsValues() {
        assertThat(MetadataOnly.accepts(List.of(MetadataOnly.ACCEPT_OBJECT + ",application/json")))
                .isFalse();
        assertThat(MetadataOnly.accepts(List.of(MetadataOnly.ACCEPT_OBJECT, "*/*")))
                .isFalse();
        assertThat(MetadataOnly.accepts(List.of("application/json;as=Table;g=meta.k8s.io;v=v1")))
                .isFalse();
        // the right kind from another group is not the API server's metadata
        assertThat(MetadataOnly.accepts(List.of("application/json;as=PartialObjectMetadata;g=evil.io;v=v1")))
                .isFalse();
    }

    @Test
    void noHeaderAdmitsAnything() {
        assertThat(MetadataOnly.accepts(List.of())).isFalse();
        assertThat(MetadataOnly.accepts(null)).isFalse();
        assertThat(MetadataOnly.accepts(List.of(" "))).isFalse();
    }
}
