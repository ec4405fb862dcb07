package dev.opsbot.db;

import dev.opsbot.db.testing.ThrowawayDatabase;
import org.jooq.SQLDialect;

class DatabasePostgresIT extends DatabaseContract {
    @Override
    protected ThrowawayDatabase newStorage() {
        return ThrowawayDatabase.postgres();
    }

    @Override
    protected SQLDialect expectedDialect() {
        return SQLDialect.POSTGRES;
    }
}
