package org.praxis.persistence.testing;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code @ExtendWith(FreshDatabase.class)}: the test class gets its own migrated database, injected
 * as a {@link DataSource} parameter into constructors, lifecycle methods and tests.
 */
public final class FreshDatabase implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabase.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        store(context).put("dataSource", TestDatabase.shared().freshDatabase());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        var dataSource = store(context).remove("dataSource", HikariDataSource.class);
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().isAssignableFrom(HikariDataSource.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return store(context).get("dataSource", HikariDataSource.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        // a method's store falls back to its class's store, where beforeAll put the database
        return context.getStore(NAMESPACE);
    }
}
