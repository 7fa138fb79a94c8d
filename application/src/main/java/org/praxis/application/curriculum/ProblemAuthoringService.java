package org.praxis.application.curriculum;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.praxis.application.common.Conflict;
import org.praxis.application.common.InvalidInput;
import org.praxis.application.common.NotFound;
import org.praxis.application.common.Transactions;
import org.praxis.application.curriculum.document.FieldErrors;
import org.praxis.application.curriculum.document.Node;
import org.praxis.application.curriculum.document.ProblemDocument;
import org.praxis.application.curriculum.port.in.AuthorProblemsUseCase;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.Page;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.PageRequest;
import org.praxis.application.curriculum.port.in.BrowseCatalogueUseCase.ProblemView;
import org.praxis.application.curriculum.port.out.ContentChanges;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.application.identity.Access;
import org.praxis.domain.curriculum.CurriculumViolation;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.ProblemVersion;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.grading.GraderSettings;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.LearnerId;

/**
 * Authoring problems (CU2-CU4) on the domain's {@link Problem} aggregate: every use case checks the
 * role first (so that a learner learns nothing about drafts), loads the problem, lets the domain decide,
 * saves, and announces a change of what learners see.
 */
public final class ProblemAuthoringService implements AuthorProblemsUseCase {
    private final Problems problems;
    private final Topics topics;
    private final ContentChanges changes;
    private final Transactions tx;
    private final Clock clock;
    private final ReferenceSolutions references;

    public ProblemAuthoringService(Problems problems, Topics topics, ContentChanges changes, Transactions tx, Clock clock,
            ReferenceSolutions references) {
        this.problems = Objects.requireNonNull(problems);
        this.topics = Objects.requireNonNull(topics);
        this.changes = Objects.requireNonNull(changes);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
        this.references = Objects.requireNonNull(references);
    }

    @Override
    public Saved saveDraft(Actor actor, String slug, java.util.function.Supplier<Map<String, Object>> document) {
        Access.requireAuthor(actor);
        return saveDraft(actor, slug, document.get());
    }

    @Override
    public Saved saveDraft(Actor actor, String slug, Map<String, Object> document) {
        Access.requireAuthor(actor);
        ProblemSlug problemSlug;
        try {
            problemSlug = new ProblemSlug(slug);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("slug", e.getMessage());
        }
        var errors = new FieldErrors();
        Optional<ProblemContent> content = ProblemDocument.read(Node.root(document, errors), ProblemDocument.Form.INLINE,
                ProblemDocument.Texts.NONE);
        // The topic is checked on the raw value, so that it is reported with the other mistakes.
        if (document.get("topic") instanceof String topic && isSlug(topic)
                && topics.all().stream().map(TopicDefinition::slug).noneMatch(new TopicSlug(topic)::equals)) {
            errors.add("topic", "unknown topic '" + topic + "'");
        }
        errors.throwIfAny();
        return tx.inTransaction(() -> {
            changes.serialise();
            Optional<StoredProblem> stored = problems.find(problemSlug);
            StoredProblem saved;
            if (stored.isEmpty()) {
                saved = new StoredProblem(Problem.create(problemSlug, content.orElseThrow()), false);
            } else {
                if (stored.get().problem().state() == PublicationState.ARCHIVED) {
                    throw new Conflict("problem-archived", "Problem '" + slug + "' is archived; restore it before editing it.");
                }
                saved = new StoredProblem(stored.get().problem().edit(content.orElseThrow()), stored.get().synced());
            }
            problems.save(saved, by(actor), clock.instant());
            return new Saved(stored.isEmpty(), details(saved));
        });
    }

    @Override
    public ProblemDetails show(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(tx.inTransaction(() -> load(slug)));
    }

    @Override
    public ProblemView preview(Actor actor, String slug) {
        Access.requireAuthor(actor);
        Problem problem = tx.inTransaction(() -> load(slug)).problem();
        return LearnerViews.problem(problem.slug(), problem.draft(), Optional.empty(), Optional.empty());
    }

    @Override
    public Published publish(Actor actor, String slug) {
        Access.requireAuthor(actor);
        // the reference solution runs outside the transaction (it takes a while), on the draft as it is now
        Problem current = tx.inTransaction(() -> load(slug)).problem();
        ProblemContent draft = current.draft();
        boolean alreadyPublished = current.history().latest().filter(latest -> latest.content().equals(draft)).isPresent();
        if (current.state() != PublicationState.ARCHIVED && !alreadyPublished && draft.grader() instanceof GraderSettings.External) {
            var errors = ReferenceErrors.of("", draft.grader(), references.check(draft.grader()));
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors.stream().map(e -> new InvalidInput.FieldError(e.field(), e.message())).toList());
            }
        }
        StoredProblem saved = change(actor, slug, problem -> {
            if (problem.state() == PublicationState.ARCHIVED) {
                throw new Conflict("problem-archived", "Problem '" + slug + "' is archived; restore it before publishing it.");
            }
            if (!problem.draft().equals(draft)) {
                throw new Conflict("draft-changed", "The draft of problem '" + slug + "' changed while it was being published; publish again.");
            }
            return problem.publish(clock.instant());
        });
        return new Published(saved.slug().value(), saved.problem().history().size());
    }

    @Override
    public ProblemDetails archive(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(change(actor, slug, problem -> problem.state() == PublicationState.ARCHIVED ? problem : problem.archive()));
    }

    @Override
    public ProblemDetails restore(Actor actor, String slug) {
        Access.requireAuthor(actor);
        return details(change(actor, slug, problem -> switch (problem.state()) {
            case ARCHIVED -> problem.restore();
            case DRAFT -> problem;
            case PUBLISHED -> throw new Conflict("problem-not-archived", "Problem '" + slug + "' is published, not archived.");
        }));
    }

    @Override
    public Published rollback(Actor actor, String slug, int version) {
        Access.requireAuthor(actor);
        StoredProblem saved = change(actor, slug, problem -> {
            if (problem.state() != PublicationState.PUBLISHED) {
                throw new Conflict("problem-not-published", "Problem '" + slug + "' is " + name(problem.state())
                        + "; only a published problem can be rolled back.");
            }
            int latest = problem.history().size();
            if (version < 1 || version > latest) {
                throw InvalidInput.of("version", "there is no version " + version + "; the versions are 1.." + latest);
            }
            if (version == latest) {
                throw new Conflict("already-current-version", "Version " + version + " is already the current version.");
            }
            return problem.rollbackTo(version, clock.instant());
        });
        return new Published(saved.slug().value(), saved.problem().history().size());
    }

    @Override
    public Page<VersionItem> versions(Actor actor, String slug, PageRequest page) {
        Access.requireAuthor(actor);
        int limit = Cursors.limit(page);
        int after = Cursors.decode(page, Integer::parseInt).orElse(0);
        Problem problem = tx.inTransaction(() -> load(slug)).problem();
        var items = problem.history().versions().stream()
                .filter(version -> version.number() > after)
                .limit(limit + 1L)
                .map(ProblemAuthoringService::item)
                .toList();
        return Cursors.page(items, limit, item -> Integer.toString(item.version()));
    }

    @Override
    public Page<ProblemListItem> list(Actor actor, Optional<String> state, PageRequest page) {
        Access.requireAuthor(actor);
        Optional<PublicationState> wanted = state.map(name -> {
            try {
                return PublicationState.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("state", "must be one of draft, published, archived; was '" + name + "'");
            }
        });
        int limit = Cursors.limit(page);
        Optional<ProblemSlug> after = Cursors.decode(page, ProblemSlug::new);
        var items = tx.inTransaction(() -> problems.list(wanted, after, limit + 1)).stream()
                .map(listing -> new ProblemListItem(listing.slug().value(), listing.title(), listing.state(), listing.latestVersion(),
                        listing.unpublishedChanges(), listing.synced(), listing.updatedAt()))
                .toList();
        return Cursors.page(items, limit, ProblemListItem::slug);
    }

    /** Load, let the domain decide, save, and tell every instance when what learners see changed. */
    private StoredProblem change(Actor actor, String slug, UnaryOperator<Problem> decide) {
        return tx.inTransaction(() -> {
            changes.serialise();
            StoredProblem stored = load(slug);
            Problem before = stored.problem();
            Problem after;
            try {
                after = decide.apply(before);
            } catch (CurriculumViolation e) {
                throw new Conflict("content-state", e.getMessage());
            }
            if (after.equals(before)) {
                return stored;
            }
            var saved = new StoredProblem(after, stored.synced());
            problems.save(saved, by(actor), clock.instant());
            if (before.state() == PublicationState.PUBLISHED || after.state() == PublicationState.PUBLISHED) {
                changes.announce("problem " + slug);
            }
            return saved;
        });
    }

    private StoredProblem load(String slug) {
        try {
            return problems.find(new ProblemSlug(slug)).orElseThrow(() -> notFound(slug));
        } catch (IllegalArgumentException notASlug) {
            throw notFound(slug);
        }
    }

    private static NotFound notFound(String slug) {
        return new NotFound("problem", "There is no problem '" + slug + "'.");
    }

    private static boolean isSlug(String text) {
        try {
            new TopicSlug(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<LearnerId> by(Actor actor) {
        return actor.member().map(Actor.Member::id);
    }

    private static ProblemDetails details(StoredProblem stored) {
        Problem problem = stored.problem();
        Optional<VersionDocument> latest = problem.history().latest().map(version -> new VersionDocument(version.number(),
                version.publishedAt(), ProblemDocument.write(version.content(), ProblemDocument.Form.INLINE)));
        return new ProblemDetails(problem.slug().value(), problem.state(), stored.synced(),
                ProblemDocument.write(problem.draft(), ProblemDocument.Form.INLINE), latest, problem.hasUnpublishedChanges());
    }

    private static VersionItem item(ProblemVersion version) {
        return new VersionItem(version.number(), version.publishedAt(),
                version.restoredFrom().isPresent() ? Optional.of(version.restoredFrom().getAsInt()) : Optional.empty());
    }

    private static String name(PublicationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
