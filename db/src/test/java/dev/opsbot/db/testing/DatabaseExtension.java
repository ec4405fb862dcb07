package dev.opsbot.db.testing;

import dev.opsbot.db.Database;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One throwaway database per test class, emptied between tests, so that a contract suite's many tests do not
 * each pay for a schema and a migration. Register it on a static field:
 * {@code @RegisterExtension static final DatabaseExtension db = DatabaseExtension.postgres();}
 */
public final class DatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<ThrowawayDatabase> storage;
    private String skipReason;
    private ThrowawayDatabase throwaway;
    private Database database;
    private Database replica;

    private DatabaseExtension(Supplier<ThrowawayDatabase> storage) {
        this.storage = storage;
    }

    public static DatabaseExtension h2() {
        return new DatabaseExtension(ThrowawayDatabase::h2);
    }

    public static DatabaseExtension postgres() {
        return new DatabaseExtension(ThrowawayDatabase::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            throwaway = storage.get();
        } catch (TestAbortedException e) {
            // skipped test by test, below, so that reports count each skipped test and show why
            skipReason = e.getMessage();
            return;
        }
        database = throwaway.open(TestDatabases.POOL_SIZE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (skipReason != null) {
            Assumptions.abort(skipReason);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (throwaway != null) {
            throwaway.close();
        }
    }

    public Database database() {
        return database;
    }

    /** The class's database with every table emptied: what a contract suite's fresh store stands on. */
    public Database emptied() {
        TestDatabases.deleteAllRows(database);
        return database;
    }

    /** A second pool on the same database, as another replica would have. */
    public synchronized Database anotherReplica() {
        if (replica == null) {
            replica = throwaway.open(TestDatabases.POOL_SIZE);
        }
        return replica;
    }

    public ThrowawayDatabase throwaway() {
        return throwaway;
    }
}
