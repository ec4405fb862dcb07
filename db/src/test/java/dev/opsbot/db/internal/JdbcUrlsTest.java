package dev.opsbot.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void passwordsInUrlsAreMaskedWhereverTheyAre() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://db:5432/opsbot?user=bot&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/opsbot?user=bot&password=***&ssl=true");
        assertThat(JdbcUrls.withoutPassword("jdbc:h2:file:/data/opsbot;USER=sa;PASSWORD=s3cr3t;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/data/opsbot;USER=sa;PASSWORD=***;MODE=PostgreSQL");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://bot:s3cr3t@db/opsbot"))
                .isEqualTo("jdbc:postgresql://***@db/opsbot");
    }

    @Test
    void urlWithoutPasswordIsUnchanged() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=opsbot";

        assertThat(JdbcUrls.withoutPassword(url)).isEqualTo(url);
    }

    @Test
    void dialectFollowsTheDriverPrefix() {
        assertThat(JdbcUrls.dialect("jdbc:h2:mem:x")).isEqualTo(SQLDialect.H2);
        assertThat(JdbcUrls.dialect("jdbc:postgresql://db/opsbot")).isEqualTo(SQLDialect.POSTGRES);
    }
}
