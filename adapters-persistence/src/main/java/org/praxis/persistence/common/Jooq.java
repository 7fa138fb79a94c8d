package org.praxis.persistence.common;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultTransactionListenerProvider;
import org.jooq.impl.ThreadLocalTransactionProvider;

/** The one way this adapter builds its {@link DSLContext}. */
public final class Jooq {
    private Jooq() {
    }

    public static DSLContext over(DataSource dataSource) {
        var connections = new DataSourceConnectionProvider(dataSource);
        var configuration = new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(connections)
                .set(new ThreadLocalTransactionProvider(connections))
                .set(new DefaultTransactionListenerProvider(Pipeline.LISTENER), new DefaultTransactionListenerProvider(AfterCommit.LISTENER))
                .set(new DefaultExecuteListenerProvider(Pipeline.LISTENER))
                .set(new Settings().withExecuteLogging(false).withRenderSchema(false));
        return DSL.using(configuration);
    }
}
