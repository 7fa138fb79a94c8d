package org.praxis.persistence.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.persistence.testing.FreshDatabase;

@ExtendWith(FreshDatabase.class)
class RenderedSqlTest {
    private static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    private static final Field<String> LABEL = field(name("label"), SQLDataType.VARCHAR);
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private final DSLContext dsl;
    private final RenderedSql sql;

    RenderedSqlTest(DataSource dataSource) {
        dsl = Jooq.over(dataSource);
        sql = new RenderedSql(dsl);
    }

    @BeforeEach
    void createTable() {
        dsl.execute("create table if not exists labels (id uuid primary key, label text)");
        dsl.execute("truncate labels");
    }

    private Query insert(UUID id, String label) {
        return sql.query("insert", b -> dsl.insertInto(table(name("labels"))).set(ID, b.val(id, ID)).set(LABEL, b.val(label, LABEL))
                .onConflict(ID).doUpdate().set(LABEL, b.val(label, LABEL)));
    }

    @Test
    void everyUseBindsItsOwnValuesIntoTheCachedText() {
        assertEquals(1, insert(A, "first a").execute());
        assertEquals(1, insert(B, "b").execute());
        assertEquals(1, insert(A, null).execute());
        var rows = sql.resultQuery("read", b -> dsl.select(ID, LABEL).from(table(name("labels"))).where(ID.in(b.val(A, ID), b.val(B, ID)))
                .orderBy(ID)).fetch();
        assertEquals(List.of(A, B), rows.getValues(ID));
        assertEquals(java.util.Arrays.asList(null, "b"), rows.getValues(LABEL));
        assertEquals(true, sql.reuses("insert"));
        assertEquals(true, sql.reuses("read"));
    }

    @Test
    void theTextIsJooqsOwnAndTravelsInPipelinedRoundTrips() {
        var plain = dsl.insertInto(table(name("labels"))).set(ID, A).set(LABEL, "x").onConflict(ID).doUpdate().set(LABEL, "x");
        assertEquals(dsl.render(plain), dsl.render(insert(A, "x")));
        assertEquals(dsl.renderInlined(plain), dsl.renderInlined(insert(A, "x")));
        assertEquals(List.of(A, "x", "x"), insert(A, "x").getBindValues());
        var results = Pipeline.fetch(dsl, List.of(insert(B, "piped"),
                sql.resultQuery("read one", b -> dsl.select(ID, LABEL).from(table(name("labels"))).where(ID.eq(b.val(B, ID))))));
        assertEquals("piped", results.get(1).get(0).get(LABEL));
    }

    @Test
    void aKeyThatHidesASecondShapeFailsWhileAssertionsAreOn() {
        sql.query("labels", b -> dsl.deleteFrom(table(name("labels"))).where(ID.eq(b.val(A, ID)))).execute();
        var error = assertThrows(AssertionError.class,
                () -> sql.query("labels", b -> dsl.deleteFrom(table(name("labels"))).where(LABEL.eq(b.val("x", LABEL)))).execute());
        assertEquals(true, error.getMessage().startsWith("another SQL shape under one key"));
    }

    @Test
    void aBindValueNotWrappedFailsWhileAssertionsAreOn() {
        var error = assertThrows(AssertionError.class,
                () -> sql.query("unwrapped", b -> dsl.deleteFrom(table(name("labels"))).where(ID.eq(A))));
        assertEquals(true, error.getMessage().startsWith("a bind value not wrapped in Binds.val"));
    }

    @Test
    void aTemplateIsBuiltOnceAndTakesItsValuesInDeclarationOrder() {
        insert(A, "a").execute();
        insert(B, "b").execute();
        var template = sql.template(b -> {
            var id = b.val((UUID) null, ID);
            var label = b.val((String) null, LABEL);
            return dsl.select(ID, LABEL).from(table(name("labels"))).where(ID.eq(id).or(LABEL.eq(label)).or(ID.eq(id)));
        });
        var rows = template.resultQuery(B, "a").fetch(ID);
        assertEquals(java.util.Set.of(A, B), java.util.Set.copyOf(rows));
        assertEquals(List.of(A), template.resultQuery(A, "none").fetch(ID));
        assertThrows(IllegalArgumentException.class, () -> template.resultQuery(A));
    }
}
