package dev.opsbot.db.internal;

import dev.opsbot.db.DatabaseException;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;

/** What opsbot reads from a JDBC URL: the jOOQ dialect it needs, and a form safe to log. */
public final class JdbcUrls {
    // password=..., PASSWORD=... (H2 settings and PostgreSQL query parameters) and user:password@host
    private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*:[^/@?;]*@");

    private JdbcUrls() {}

    public static SQLDialect dialect(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new DatabaseException(
                "unsupported database URL " + withoutPassword(jdbcUrl)
                        + ": opsbot runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://host:port/database)",
                false,
                null);
    }

    /** The URL with any password in it replaced by {@code ***}, for messages and logs. */
    public static String withoutPassword(String jdbcUrl) {
        String masked = PASSWORD_SETTING.matcher(jdbcUrl).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//***@");
    }
}
