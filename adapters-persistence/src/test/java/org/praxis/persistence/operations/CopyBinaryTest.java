package org.praxis.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.praxis.persistence.progress.StatsJson;
import org.praxis.persistence.testing.FreshDatabase;

/** COPY's binary format as the sample loader writes it: the server stores what the text format would have stored. */
@ExtendWith(FreshDatabase.class)
class CopyBinaryTest {
    private static final List<String> STRINGS = List.of("plain", "", "quote \" and backslash \\", "tab\tnew\nline\rform\fback\b",
            "\u0001\u001f\u007f", "Grüße 😀 ✓", "lone \uD800 surrogate");

    private final DataSource dataSource;

    CopyBinaryTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void jsonStringsAreWhatJacksonWrites() {
        for (var s : STRINGS) {
            var field = new CopyBinary(null);
            field.beginJson();
            field.jsonString(s);
            field.endJson();
            byte[] bytes = field.bytes();
            String jackson = jackson(s, null);
            // as the adapters send Jackson's text: in UTF-8 (a lone surrogate becomes '?')
            assertEquals(new String(jackson.substring("{\"k\":".length(), jackson.length() - 1).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    new String(bytes, 4, bytes.length - 4, StandardCharsets.UTF_8), s);
            assertEquals(bytes.length - 4, ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF),
                    "the field's length comes first");
        }
    }

    @Test
    void aJsonFieldIsBegunAndEndedOnce() {
        var out = new CopyBinary(null);
        assertThrows(IllegalStateException.class, out::endJson);
        out.beginJson();
        assertThrows(IllegalStateException.class, out::beginJson);
        assertThrows(IllegalStateException.class, out::endRow);
    }

    private record Row(int n, int i, long l, boolean b, UUID u, Instant at, String s) {
    }

    /** Every value once through the binary format and once through the text format: the server stores the same. */
    @Test
    void theServerStoresWhatTheTextFormatWouldHaveStored() throws Exception {
        var random = new SplittableRandom(11);
        var rows = new ArrayList<Row>();
        for (int n = 0; n < 3000; n++) {
            rows.add(new Row(n, random.nextInt(), n % 10 == 0 ? Long.MIN_VALUE + n : random.nextLong(), random.nextBoolean(),
                    new UUID(random.nextLong(), random.nextLong()),
                    Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), nanos(n, random)), STRINGS.get(n % STRINGS.size())));
        }
        try (var c = dataSource.getConnection()) {
            c.createStatement().execute("create table binary_rows (n int, i int, l bigint, b boolean, u uuid, at timestamptz, s text, j json, x bigint)");
            c.createStatement().execute("create table text_rows (like binary_rows)");
            var binary = new CopyBinary(copyIn(c, "copy binary_rows from stdin with (format binary)"));
            for (var r : rows) {
                binary.row(9).int4(r.n()).int4(r.i()).int8(r.l()).bool(r.b()).uuid(r.u()).timestamptz(r.at()).text(r.s());
                binary.beginJson();
                binary.json('{');
                binary.jsonString("k");
                binary.json(':');
                binary.jsonString(r.s());
                binary.json(',');
                binary.jsonString("at");
                binary.json(':');
                binary.jsonInstant(r.at());
                binary.json('}');
                binary.endJson();
                binary.nul().endRow();
            }
            assertEquals(rows.size(), binary.end());
            var text = new CopyText(copyIn(c, "copy text_rows from stdin"));
            for (var r : rows) {
                text.number(r.n()).number(r.i()).number(r.l()).bool(r.b()).uuid(r.u()).instant(r.at()).text(r.s())
                        .text(jackson(r.s(), r.at())).nul().endRow();
            }
            assertEquals(rows.size(), text.end());

            try (var result = c.createStatement().executeQuery("select count(*), count(*) filter (where "
                    + "(t.i, t.l, t.b, t.u, t.at, t.s, t.j::text, t.x) is distinct from (b.i, b.l, b.b, b.u, b.at, b.s, b.j::text, b.x)) "
                    + "from text_rows t join binary_rows b using (n)")) {
                result.next();
                assertEquals(rows.size(), result.getLong(1));
                assertEquals(0, result.getLong(2), "rows where the binary format stored something else");
            }
        }
    }

    /** Whole seconds, milliseconds, microseconds, any nanoseconds, and the half microseconds rounding decides. */
    private static int nanos(int n, SplittableRandom random) {
        return switch (n % 5) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            case 3 -> random.nextInt(1_000_000) * 1000 + 500;
            default -> random.nextInt(1_000_000_000);
        };
    }

    private static String jackson(String s, Instant at) {
        var map = new LinkedHashMap<String, Object>();
        map.put("k", s);
        if (at != null) {
            map.put("at", at.toString());
        }
        return StatsJson.json(map).data();
    }

    private static org.postgresql.copy.CopyIn copyIn(Connection c, String sql) throws Exception {
        return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }
}
