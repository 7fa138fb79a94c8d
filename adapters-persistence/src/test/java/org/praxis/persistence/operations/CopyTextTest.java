package org.praxis.persistence.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** COPY text as the sample loader writes it: the JDK's output, without its cost. */
class CopyTextTest {

    private static String text(CopyText t) {
        return new String(t.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        var random = new SplittableRandom(3);
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            var instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant + "\t", text(new CopyText(null).instant(instant)));
        }
        assertEquals("1970-01-01T00:00:00Z\t", text(new CopyText(null).instant(Instant.EPOCH)));
        assertEquals("2026-05-10T07:44:29.941Z\t", text(new CopyText(null).instant(Instant.parse("2026-05-10T07:44:29.941Z"))));
    }

    @Test
    void datesUuidsNumbersAndNulls() {
        assertEquals("2024-02-29\t0999-12-31\t", text(new CopyText(null).date(LocalDate.of(2024, 2, 29)).date(LocalDate.of(999, 12, 31))));
        var random = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            var uuid = new UUID(random.nextLong(), random.nextLong());
            assertEquals(uuid + "\t", text(new CopyText(null).uuid(uuid)));
        }
        assertEquals("0\t-7\t9223372036854775807\t-9223372036854775808\t\\N\t\\N\tt\tf\t",
                text(new CopyText(null).number(0).number(-7).number(Long.MAX_VALUE).number(Long.MIN_VALUE).nul()
                        .value(Optional.empty()).bool(true).bool(false)));
    }

    @Test
    void textIsEscapedForCopyAndEncodedInUtf8() {
        var t = new CopyText(null).text("a\\b\tc\nd\re").text("Grüße 😀 ✓");
        t.endRow();
        assertEquals("a\\\\b\\tc\\nd\\re\tGrüße 😀 ✓\n", text(t));
    }
}
