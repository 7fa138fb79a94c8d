package org.praxis.persistence.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RenderContext;
import org.jooq.RenderContext.CastMode;
import org.jooq.ResultQuery;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomQueryPart;
import org.jooq.impl.DSL;

/**
 * jOOQ's SQL text of a statement, rendered once per shape and reused. Rendering (and, for
 * {@link Pipeline#fetch}, collecting the bind values of) a query's syntax tree was the largest Java cost
 * of a submission: about a third of the service's CPU in the profile of docs/performance.md, "Where the
 * service's CPU goes". The hot statements have a fixed shape; only their bind values change.
 *
 * <p>A statement is still built with jOOQ, by a function that wraps each bind value in {@link Binds#val}.
 * The first use under a key renders it and cuts the text at those values; every later use builds the
 * query again (cheap) but never walks it: its text is the cached pieces with jOOQ rendering and binding
 * just the values in between (so casts, types and conversions stay jOOQ's).
 *
 * <p>The caller names the shape: {@code key} must change whenever the text would (another branch, an IN
 * list of another length). With assertions enabled (the tests), every use compares the text with a fresh
 * rendering, and a bind value not wrapped in {@link Binds#val} fails the first use, so a wrong key or a
 * forgotten value cannot pass the tests. Without assertions, a statement whose text cannot be cut is
 * simply rendered by jOOQ at every use.
 */
public final class RenderedSql {
    /** The bind values of one use, in the order the build function wraps them. */
    public static final class Binds {
        private final List<Param<?>> values = new ArrayList<>();

        /** {@code value} as a bind value of {@code field}'s type (what jOOQ itself makes of {@code field.eq(value)}). */
        public <T> Param<T> val(T value, Field<T> field) {
            var param = DSL.val(value, field);
            values.add(param);
            return param;
        }
    }

    private final DSLContext dsl;
    private final ConcurrentHashMap<String, Text> texts = new ConcurrentHashMap<>();

    public RenderedSql(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    /** The statement {@code build} makes, rendered from the text cached under {@code key}. */
    public Query query(String key, Function<Binds, ? extends Query> build) {
        var binds = new Binds();
        var query = build.apply(binds);
        return dsl.query("{0}", new Cached(text(key, query, binds), query, binds.values));
    }

    /** The select {@code build} makes, rendered from the text cached under {@code key}, with the same fields. */
    public ResultQuery<Record> resultQuery(String key, Function<Binds, ? extends ResultQuery<?>> build) {
        var binds = new Binds();
        var query = build.apply(binds);
        var text = text(key, query, binds);
        return dsl.resultQuery("{0}", new Cached(text, query, binds.values)).coerce(text.fields());
    }

    /**
     * A select built and rendered once, for the hottest statements (the bearer-token check of every
     * request): {@code build} declares each bind value with {@link Binds#val} (its value unused, null will
     * do) and reuses a declared value where it appears twice; {@link Template#resultQuery} then takes the
     * values in declaration order, so a use builds nothing at all.
     */
    public Template template(Function<Binds, ? extends ResultQuery<?>> build) {
        var binds = new Binds();
        var query = build.apply(binds);
        var text = Text.of(dsl, query, binds.values);
        if (text.order() == null) {
            throw new IllegalArgumentException("a template needs every bind value declared with Binds.val: " + text.whole());
        }
        return new Template(text, binds.values.stream().<org.jooq.DataType<?>>map(Param::getDataType).toList());
    }

    /** See {@link #template}. */
    public final class Template {
        private final Text text;
        private final List<org.jooq.DataType<?>> types;

        private Template(Text text, List<org.jooq.DataType<?>> types) {
            this.text = text;
            this.types = types;
        }

        /** The select with {@code values}, one per declared bind value, in declaration order. */
        public ResultQuery<Record> resultQuery(Object... values) {
            if (values.length != types.size()) {
                throw new IllegalArgumentException("expected " + types.size() + " values, got " + values.length);
            }
            var params = new ArrayList<Param<?>>(values.length);
            for (int i = 0; i < values.length; i++) {
                params.add(DSL.val(values[i], types.get(i)));
            }
            return dsl.resultQuery("{0}", new Cached(text, null, params)).coerce(text.fields());
        }
    }

    /** Whether the text under {@code key} was cut at its bind values, i.e. is reused (for tests). */
    boolean reuses(String key) {
        var text = texts.get(key);
        return text != null && text.order() != null;
    }

    private Text text(String key, Query query, Binds binds) {
        Text text = texts.get(key);
        return text != null ? text : texts.computeIfAbsent(key, k -> Text.of(dsl, query, binds.values));
    }

    /**
     * The statement's text cut at its bind values: {@code between.get(i)} comes before the i-th bind value
     * of the text, which is the {@code order[i]}-th wrapped value; the last piece comes after the last one.
     * {@code around} is the same cut at each value's {@code ?} alone, so that a cast jOOQ puts around it
     * ({@code cast(? as uuid)}) is text too. {@code order} is null when the text could not be cut (then
     * jOOQ renders every use).
     */
    private record Text(String whole, List<String> between, List<String> around, int[] order, Field<?>[] fields) {
        static Text of(DSLContext dsl, Query query, List<Param<?>> values) {
            var spans = new ArrayList<int[]>();
            var listener = new VisitListener() {
                int depth;
                int start;
                int value;

                @Override
                public void visitStart(VisitContext ctx) {
                    if (ctx.queryPart() instanceof Param<?> param && depth++ == 0) {
                        start = ctx.renderContext().render().length();
                        value = indexOf(values, param);
                    }
                }

                @Override
                public void visitEnd(VisitContext ctx) {
                    if (ctx.queryPart() instanceof Param<?> && --depth == 0) {
                        spans.add(new int[] {start, ctx.renderContext().render().length(), value});
                    }
                }
            };
            String whole = DSL.using(dsl.configuration().derive(listener)).render(query);
            Field<?>[] fields = query instanceof ResultQuery<?> select ? select.fields() : new Field<?>[0];
            boolean unwrapped = spans.stream().anyMatch(span -> span[2] < 0);
            assert !unwrapped : "a bind value not wrapped in Binds.val: " + whole;
            if (unwrapped || !whole.equals(dsl.render(query))) {
                return new Text(whole, List.of(), List.of(), null, fields);
            }
            var between = new ArrayList<String>();
            var around = new ArrayList<String>();
            var order = new int[spans.size()];
            int from = 0;
            int aroundFrom = 0;
            for (int i = 0; i < spans.size(); i++) {
                int[] span = spans.get(i);
                int mark = whole.indexOf('?', span[0]);
                if (mark < 0 || mark >= span[1] || whole.indexOf('?', mark + 1) >= 0 && whole.indexOf('?', mark + 1) < span[1]) {
                    return new Text(whole, List.of(), List.of(), null, fields);
                }
                between.add(whole.substring(from, span[0]));
                around.add(whole.substring(aroundFrom, mark));
                from = span[1];
                aroundFrom = mark + 1;
                order[i] = span[2];
            }
            between.add(whole.substring(from));
            around.add(whole.substring(aroundFrom));
            return new Text(whole, List.copyOf(between), List.copyOf(around), order, fields);
        }

        private static int indexOf(List<Param<?>> values, Param<?> param) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == param) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final class Cached extends CustomQueryPart {
        private final Text text;
        private final Query query;
        private final List<Param<?>> values;

        Cached(Text text, Query query, List<Param<?>> values) {
            this.text = text;
            this.query = query;
            this.values = values;
        }

        @Override
        public void accept(Context<?> ctx) {
            int[] order = text.order();
            if (order == null) {
                ctx.visit(query);
                return;
            }
            if (ctx instanceof RenderContext) {
                assert query == null || text.whole().equals(dsl.render(query))
                        : "another SQL shape under one key: cached " + text.whole() + ", now " + dsl.render(query);
                if (ctx.paramType() == ParamType.INDEXED) {
                    // each value renders as a bare ?, its cast is in the text: jOOQ's cast lookup was most of the rest
                    var around = text.around();
                    ctx.castMode(CastMode.NEVER, c -> {
                        for (int i = 0; i < order.length; i++) {
                            c.sql(around.get(i)).visit(values.get(order[i]));
                        }
                    });
                    ctx.sql(around.get(order.length));
                } else {
                    var between = text.between();
                    for (int i = 0; i < order.length; i++) {
                        ctx.sql(between.get(i)).visit(values.get(order[i]));
                    }
                    ctx.sql(between.get(order.length));
                }
            } else {
                // binding (or collecting the bind values): the values alone, in the text's order
                for (int index : order) {
                    ctx.visit(values.get(index));
                }
            }
        }
    }
}
