package dev.opsbot.identity.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.core.identity.EnvironmentAccess;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupMappingsTest {
    static final String PROD_READ = "arn:aws:iam::111111111111:role/opsbot-read";
    static final String PROD_WRITE = "arn:aws:iam::111111111111:role/opsbot-write";
    static final String PROD_ADMIN_READ = "arn:aws:iam::111111111111:role/admin-read";
    static final String STAGING_READ = "arn:aws:iam::222222222222:role/opsbot-read";

    private final GroupMappings mappings = GroupMappings.of(
            new GroupMapping("developers", "staging", STAGING_READ, null, List.of("view"), List.of(), false),
            new GroupMapping(
                    "sre", "production", PROD_READ, PROD_WRITE, List.of("view", "sre"), List.of("edit"), false),
            new GroupMapping("developers", "production", null, null, List.of("view", "dev"), List.of(), false),
            new GroupMapping("incident-leads", "production", PROD_ADMIN_READ, null, List.of(), List.of(), true));

    @Test
    void accessFromTwoGroupsIsMergedPerEnvironmentInConfigurationOrder() {
        List<EnvironmentAccess> access = mappings.accessFor(List.of("developers", "sre", "incident-leads"));

        assertThat(access)
                .containsExactly(
                        new EnvironmentAccess(
                                "staging",
                                STAGING_READ,
                                null,
                                List.of("view"),
                                List.of(),
                                false,
                                List.of("developers")),
                        new EnvironmentAccess(
                                "production",
                                PROD_READ,
                                PROD_WRITE,
                                List.of("view", "sre", "dev"),
                                List.of("edit"),
                                true,
                                List.of("sre", "developers", "incident-leads")));
    }

    @Test
    void theFirstConfiguredRoleWinsWhenTwoGroupsNameOne() {
        assertThat(mappings.accessFor(List.of("incident-leads", "sre"))
                        .getFirst()
                        .readRoleArn())
                .isEqualTo(PROD_READ);
    }

    @Test
    void groupsNobodyMappedGrantNothing() {
        assertThat(mappings.accessFor(List.of("finance", "everyone"))).isEmpty();
    }

    @Test
    void theGroupsGrantingReadAreListedPerEnvironmentAndOverall() {
        GroupMappings withApproverOnly = new GroupMappings(List.of(
                new GroupMapping("developers", "staging", STAGING_READ, null, List.of(), List.of(), false),
                new GroupMapping("sre", "production", PROD_READ, null, List.of(), List.of(), false),
                new GroupMapping("managers", "production", null, null, List.of(), List.of(), true),
                new GroupMapping("developers", "production", null, null, List.of("view"), List.of(), false)));

        assertThat(withApproverOnly.groupsGranting("production")).containsExactly("sre", "developers");
        assertThat(withApproverOnly.groupsGranting("qa")).isEmpty();
        assertThat(withApproverOnly.groupsGrantingRead()).containsExactly("developers", "sre");
    }
}
