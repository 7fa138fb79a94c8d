package org.praxis.domain.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.domain.curriculum.PublicationState.ARCHIVED;
import static org.praxis.domain.curriculum.PublicationState.DRAFT;
import static org.praxis.domain.curriculum.PublicationState.PUBLISHED;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicationStateTest {

    @Test
    void allowedMovesAreExactlyTheseFour() {
        assertEquals(Set.of(PUBLISHED, ARCHIVED), DRAFT.allowedMoves());
        assertEquals(Set.of(ARCHIVED), PUBLISHED.allowedMoves());
        assertEquals(Set.of(DRAFT), ARCHIVED.allowedMoves());
    }

    @Test
    void publishedContentCannotGoBackToDraft() {
        assertFalse(PUBLISHED.canMoveTo(DRAFT));
        var e = assertThrows(CurriculumViolation.class, () -> PUBLISHED.moveTo(DRAFT));
        assertEquals("cannot move content from PUBLISHED to DRAFT; allowed: [ARCHIVED]", e.getMessage());
    }

    @Test
    void archivedContentIsRestoredAsADraftNotPublishedDirectly() {
        assertFalse(ARCHIVED.canMoveTo(PUBLISHED));
        assertEquals(DRAFT, ARCHIVED.moveTo(DRAFT));
    }

    @Test
    void stayingInPlaceIsNotAMove() {
        for (PublicationState state : PublicationState.values()) {
            assertFalse(state.canMoveTo(state), state.name());
        }
    }

    @Test
    void aMoveCanBeAskedForAsAValue() {
        assertEquals(new PublicationState.Move.Allowed(DRAFT, PUBLISHED), DRAFT.move(PUBLISHED));
        assertTrue(DRAFT.move(DRAFT) instanceof PublicationState.Move.Rejected rejected
                && rejected.reason().equals("cannot move content from DRAFT to DRAFT; allowed: [PUBLISHED, ARCHIVED]"));
    }

    @Test
    void onlyPublishedContentIsVisibleToLearners() {
        assertTrue(PUBLISHED.isVisibleToLearners());
        assertFalse(DRAFT.isVisibleToLearners());
        assertFalse(ARCHIVED.isVisibleToLearners());
    }
}
