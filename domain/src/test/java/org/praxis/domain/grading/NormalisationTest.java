package org.praxis.domain.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalisationTest {

    @Test
    void lenientNormalisationTrimsCollapsesWhitespaceAndFoldsCase() {
        assertEquals("inner join", Normalisation.LENIENT.apply("  INNER \t\n  Join \u00A0"));
    }

    @Test
    void caseSensitiveNormalisationKeepsCase() {
        assertEquals("INNER Join", new Normalisation(true, true).apply(" INNER   Join "));
    }

    @Test
    void withoutWhitespaceNormalisationSpacingIsKept() {
        assertEquals("  a  b ", new Normalisation(true, false).apply("  a  b "));
        assertEquals("  a  b ", new Normalisation(false, false).apply("  A  B "));
    }

    @Test
    void composedAndDecomposedAccentsAreEqual() {
        assertEquals(Normalisation.LENIENT.apply("caf\u00E9"), Normalisation.LENIENT.apply("cafe\u0301"));
    }

    @Test
    void caseFoldingUsesTheRootLocaleAndFullFolding() {
        assertEquals("strasse", Normalisation.LENIENT.apply("STRASSE"));
        assertEquals("strasse", Normalisation.LENIENT.apply("straße"));
        assertEquals("title", Normalisation.LENIENT.apply("TITLE"));
    }

    @Test
    void nullIsTheEmptyAnswer() {
        assertEquals("", Normalisation.LENIENT.apply(null));
    }
}
