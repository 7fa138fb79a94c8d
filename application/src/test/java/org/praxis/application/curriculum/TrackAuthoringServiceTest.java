package org.praxis.application.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.lesson;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.list;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.module;
import static org.praxis.application.curriculum.testing.ContentFolderBuilder.track;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.application.common.Conflict;
import org.praxis.application.common.Forbidden;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.SyncContentUseCase.Command;
import org.praxis.application.curriculum.testing.ContentFolderBuilder;
import org.praxis.application.curriculum.testing.CurriculumFakes;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;
import org.praxis.domain.identity.Role;

class TrackAuthoringServiceTest {
    private static final Actor AUTHOR = new Actor.Member(new LearnerId(UUID.fromString("00000000-0000-0000-0000-0000000a0700")), Role.AUTHOR, false);
    private static final Actor LEARNER = new Actor.Member(new LearnerId(UUID.fromString("00000000-0000-0000-0000-00000000a11c")), Role.LEARNER, false);

    private final CurriculumFakes fakes = new CurriculumFakes();
    private final TrackAuthoringService authoring = fakes.trackAuthoring();

    @BeforeEach
    void problemsExist() {
        fakes.folders.put(ContentFolderBuilder.sample("content").without("tracks/web-basics.yaml").build());
        fakes.sync().sync(Command.of("content", false));
        fakes.changes.clear();
    }

    @Test
    void aTrackDraftIsPublishedForLearners() {
        var saved = authoring.saveDraft(AUTHOR, "numbers", track("Numbers",
                module("fractions", list(), lesson("quarters", "quarter-as-decimal")),
                module("more", list("fractions"), lesson("web", "http-status-created"))));
        assertTrue(saved.created());
        assertEquals(PublicationState.DRAFT, saved.track().state());
        assertThrows(NotFound.class, () -> fakes.catalogueService().track("numbers", Actor.anonymous()));

        var published = authoring.publish(AUTHOR, "numbers");
        assertEquals(PublicationState.PUBLISHED, published.state());
        var view = fakes.catalogueService().track("numbers", LEARNER);
        assertEquals(List.of("fractions", "more"), view.modules().stream().map(m -> m.slug()).toList());
        assertEquals(Optional.of(true), view.modules().get(1).locked());
        assertEquals(List.of("track numbers"), fakes.changes.announced());
    }

    @Test
    void publishingChecksTheProblemsAndTheOtherTracks() {
        authoring.saveDraft(AUTHOR, "first", track("First", module("one", list(), lesson("l", "quarter-as-decimal"))));
        authoring.publish(AUTHOR, "first");
        authoring.saveDraft(AUTHOR, "second", track("Second",
                module("one", list(), lesson("l", "quarter-as-decimal", "no-such-problem"))));

        var invalid = assertThrows(InvalidInput.class, () -> authoring.publish(AUTHOR, "second"));

        assertEquals(List.of(
                "modules[0].lessons[0].problems[0]: problem 'quarter-as-decimal' is already in a lesson of track 'first' (a problem belongs to at most one lesson of all tracks)",
                "modules[0].lessons[0].problems[1]: unknown problem 'no-such-problem'",
                "modules[0].slug: module 'one' belongs to track 'first' (module slugs are unique across tracks)"),
                invalid.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
        assertEquals(PublicationState.DRAFT, authoring.show(AUTHOR, "second").state());
    }

    @Test
    void aDraftIsCheckedAsOneTrackWhenSaved() {
        var invalid = assertThrows(InvalidInput.class, () -> authoring.saveDraft(AUTHOR, "loop", track("Loop",
                module("a", list("b"), lesson("x")), module("b", list("a"), lesson("y")))));
        assertEquals("modules: prerequisite cycle a -> b -> a", invalid.getMessage());
    }

    @Test
    void archivingTakesTheTrackAwayAndRestoringBringsItBackAsADraft() {
        authoring.saveDraft(AUTHOR, "numbers", track("Numbers", module("fractions", list(), lesson("quarters", "quarter-as-decimal"))));
        authoring.publish(AUTHOR, "numbers");

        assertEquals(PublicationState.ARCHIVED, authoring.archive(AUTHOR, "numbers").state());
        assertThrows(NotFound.class, () -> fakes.catalogueService().track("numbers", Actor.anonymous()));
        assertEquals("track-archived", assertThrows(Conflict.class, () -> authoring.publish(AUTHOR, "numbers")).reason());
        assertEquals(PublicationState.DRAFT, authoring.restore(AUTHOR, "numbers").state());
        assertEquals(PublicationState.PUBLISHED, authoring.publish(AUTHOR, "numbers").state());
        assertEquals(List.of("numbers"), authoring.list(AUTHOR, PageRequest.first(10)).items().stream().map(t -> t.slug()).toList());
    }

    @Test
    void learnersMayNotAuthorTracks() {
        assertThrows(Forbidden.class, () -> authoring.saveDraft(LEARNER, "numbers", track("Numbers")));
        assertThrows(Forbidden.class, () -> authoring.publish(LEARNER, "numbers"));
        assertThrows(Forbidden.class, () -> authoring.list(LEARNER, PageRequest.first(10)));
    }
}
