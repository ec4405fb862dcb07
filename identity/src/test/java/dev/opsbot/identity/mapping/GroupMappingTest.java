package dev.opsbot.identity.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupMappingTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::123456789012:role/opsbot-read",
                "arn:aws:iam::123456789012:role/teams/platform/opsbot-read",
                "arn:aws-us-gov:iam::123456789012:role/opsbot-read",
                "arn:aws-cn:iam::123456789012:role/opsbot-read"
            })
    void roleArnsOfEveryPartitionAreAccepted(String arn) {
        assertThat(new GroupMapping("sre", "production", arn, arn, List.of(), List.of(), false).readRoleArn())
                .isEqualTo(arn);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:iam::12345:role/opsbot-read",
                "arn:aws:iam::123456789012:user/alice",
                "arn:aws:sts::123456789012:assumed-role/opsbot-read/alice",
                "opsbot-read",
                ""
            })
    void somethingThatIsNotARoleArnIsRefusedWithTheShapeToWrite(String arn) {
        assertThatThrownBy(() -> new GroupMapping("sre", "production", arn, null, List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity.mappings: group sre in production: readRoleArn '" + arn
                        + "' is not an IAM role ARN; write arn:aws:iam::<12-digit account>:role/<name>");
    }

    @Test
    void aMappingWithOnlyKubernetesGroupsGrantsRead() {
        GroupMapping mapping = new GroupMapping("sre", "staging", null, null, List.of("view"), null, false);

        assertThat(mapping.grantsRead()).isTrue();
        assertThat(mapping.kubernetesWriteGroups()).isEmpty();
    }

    @Test
    void aMappingThatGrantsNothingIsRefused() {
        assertThatThrownBy(() -> new GroupMapping("sre", "staging", null, null, List.of(), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("identity.mappings: group sre in staging grants nothing; give it a role, Kubernetes "
                        + "groups or approver, or remove it");
    }
}
