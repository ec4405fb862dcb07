package dev.opsbot.db.internal;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Translates every failing jOOQ statement into opsbot's exceptions in one place, so that stores only catch what
 * they expect ({@link dev.opsbot.db.DuplicateKeyException}) and callers see which database failed.
 */
public final class SqlErrorListener implements ExecuteListener {
    private final String safeUrl;

    public SqlErrorListener(String safeUrl) {
        this.safeUrl = safeUrl;
    }

    @Override
    public void exception(ExecuteContext ctx) {
        if (ctx.exception() != null) {
            ctx.exception(SqlErrors.translate(ctx.exception(), safeUrl));
        }
    }
}
