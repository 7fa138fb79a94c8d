package org.praxis.persistence.curriculum;

import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.application.curriculum.port.out.ContentChanges;
import org.praxis.persistence.common.AfterCommit;

/**
 * {@link ContentChanges} with PostgreSQL's {@code NOTIFY}: the notification is part of the transaction,
 * so every instance's {@link org.praxis.persistence.common.ChannelListener} on {@value #CHANNEL} hears it exactly when the change commits (and never
 * when it rolls back). This instance drops its own cache right after the commit as well, so an author
 * reads their own publish at once, without waiting for the notification to come back. Changes take
 * turns through a transaction-scoped advisory lock.
 */
public final class JooqContentChanges implements ContentChanges {
    public static final String CHANNEL = "praxis_content";

    private final DSLContext dsl;
    private final CachingCatalogue cache;

    public JooqContentChanges(DSLContext dsl, CachingCatalogue cache) {
        this.dsl = Objects.requireNonNull(dsl);
        this.cache = Objects.requireNonNull(cache);
    }

    /** The advisory lock all content changes take ({@code hashtext('praxis_content')} would do too; a constant is plainer). */
    static final long LOCK = 0x5072_6178_6973_4331L;

    @Override
    public void serialise() {
        dsl.select(DSL.function("pg_advisory_xact_lock", Object.class, DSL.val(LOCK))).fetch();
    }

    @Override
    public void announce(String what) {
        String payload = what.length() > 200 ? what.substring(0, 200) : what;
        dsl.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(payload))).fetch();
        AfterCommit.run(cache::invalidate);
    }
}
