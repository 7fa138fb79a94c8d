package org.praxis.application.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.praxis.application.common.Transactions;
import org.praxis.application.curriculum.document.ContentFolderParser;
import org.praxis.application.curriculum.document.ContentFolderParser.Snapshot;
import org.praxis.application.curriculum.document.ProblemDocument;
import org.praxis.application.curriculum.port.in.SyncContentUseCase;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;
import org.praxis.application.curriculum.port.out.Awards;
import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.ContentChanges;
import org.praxis.application.curriculum.port.out.ContentFolders;
import org.praxis.application.curriculum.port.out.Problems;
import org.praxis.application.curriculum.port.out.Problems.StoredProblem;
import org.praxis.application.curriculum.port.out.Topics;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks;
import org.praxis.application.curriculum.port.out.Tracks.StoredTrack;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.application.grading.port.out.ReferenceSolutions;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.Problem;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.PublicationState;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;
import org.praxis.domain.gamification.BadgeRank;
import org.praxis.domain.grading.GraderSettings;

/**
 * Content as code (CU5): makes the store match a valid content folder, in one transaction.
 *
 * <p>The rules (docs/content.md, "Sync"): a new problem is published as version 1; a problem whose
 * content differs from its published version gets version n+1; an identical one is left alone; one
 * that left the folder is archived (only problems the folder managed; problems authored over HTTP are
 * not the folder's business); one that comes back is published again. The folder wins over a draft
 * edited over HTTP, which stays in the history. Topics, tracks, the badge ladder and achievements are
 * replaced by the folder's definitions, and what left the folder is archived. A dry run works out the
 * same report inside a transaction that writes nothing.
 *
 * <p>Before anything is written, every new or changed problem whose grader runs a reference solution
 * (SQL) has it run on each of its data sets ({@link ReferenceSolutions}, outside the transaction, since
 * that takes a while); a failure refuses the whole folder like any other validation error.
 */
public final class ContentSyncService implements SyncContentUseCase {
    private final ContentFolders folders;
    private final Problems problems;
    private final Tracks tracks;
    private final Topics topics;
    private final Awards awards;
    private final ContentChanges changes;
    private final Transactions tx;
    private final Clock clock;
    private final ReferenceSolutions references;

    public ContentSyncService(ContentFolders folders, Problems problems, Tracks tracks, Topics topics, Awards awards,
            ContentChanges changes, Transactions tx, Clock clock, ReferenceSolutions references) {
        this.folders = Objects.requireNonNull(folders);
        this.problems = Objects.requireNonNull(problems);
        this.tracks = Objects.requireNonNull(tracks);
        this.topics = Objects.requireNonNull(topics);
        this.awards = Objects.requireNonNull(awards);
        this.changes = Objects.requireNonNull(changes);
        this.tx = Objects.requireNonNull(tx);
        this.clock = Objects.requireNonNull(clock);
        this.references = Objects.requireNonNull(references);
    }

    @Override
    public Outcome sync(Command command) {
        var parsed = ContentFolderParser.parse(folders.read(command.location()));
        if (parsed.snapshot().isEmpty()) {
            return new Outcome.Invalid(parsed.errors());
        }
        Snapshot snapshot = parsed.snapshot().get();
        List<ContentError> refused = referenceFailures(snapshot);
        if (!refused.isEmpty()) {
            return new Outcome.Invalid(refused);
        }
        return tx.inTransaction(() -> new Run(snapshot, command, clock.instant()).run());
    }

    /**
     * Runs the reference solution of every problem the sync would publish (new, changed, or coming back
     * from the archive); a problem whose published version already has this very content was checked
     * when it was published.
     */
    private List<ContentError> referenceFailures(Snapshot snapshot) {
        List<ProblemSlug> toCheck = tx.inTransaction(() -> snapshot.problems().entrySet().stream()
                .filter(entry -> entry.getValue().grader() instanceof GraderSettings.External)
                .filter(entry -> !alreadyPublished(entry.getKey(), entry.getValue()))
                .map(Map.Entry::getKey)
                .toList());
        var errors = new ArrayList<ContentError>();
        for (ProblemSlug slug : toCheck) {
            GraderSettings grader = snapshot.problems().get(slug).grader();
            errors.addAll(ReferenceErrors.of("problems/" + slug + "/problem.yaml", grader, references.check(grader)));
        }
        return errors;
    }

    private boolean alreadyPublished(ProblemSlug slug, ProblemContent content) {
        return problems.find(slug).map(StoredProblem::problem)
                .filter(problem -> problem.state() == PublicationState.PUBLISHED)
                .flatMap(problem -> problem.history().latest())
                .filter(latest -> latest.content().equals(content))
                .isPresent();
    }

    /** One sync, inside its transaction. */
    private final class Run {
        private final Snapshot snapshot;
        private final boolean apply;
        private final Progress progress;
        private final Instant now;

        Run(Snapshot snapshot, Command command, Instant now) {
            this.snapshot = snapshot;
            this.apply = !command.dryRun();
            this.progress = command.progress();
            this.now = now;
        }

        Outcome run() {
            if (apply) {
                changes.serialise();
            }
            List<ContentError> conflicts = conflictsWithOtherTracks();
            if (!conflicts.isEmpty()) {
                return new Outcome.Invalid(conflicts);
            }
            // Topics first (problems point at them), then problems, then the tracks that list them.
            Section topicSection = topics();
            Section problemSection = problems();
            Section trackSection = tracks();
            Section achievementSection = achievements();
            Section badgeSection = badges();
            var report = new Report(problemSection, trackSection, topicSection, achievementSection, badgeSection);
            if (apply && report.changedAnything()) {
                changes.announce("content sync");
            }
            return new Outcome.Synced(report, !apply);
        }

        /** Problems and modules of the folder's tracks that a track authored over HTTP already claims. */
        private List<ContentError> conflictsWithOtherTracks() {
            Set<TrackSlug> folderTracks = snapshot.tracks().stream().map(TrackDefinition::slug).collect(Collectors.toSet());
            Map<ProblemSlug, TrackSlug> placements = tracks.placements();
            Map<ModuleSlug, TrackSlug> owners = tracks.moduleOwners();
            Set<TrackSlug> synced = Set.copyOf(tracks.synced());
            var errors = new ArrayList<ContentError>();
            for (TrackDefinition track : snapshot.tracks()) {
                String file = "tracks/" + track.slug() + ".yaml";
                for (var module : track.modules()) {
                    TrackSlug owner = owners.get(module.slug());
                    if (owner != null && !owner.equals(track.slug()) && !folderTracks.contains(owner) && !synced.contains(owner)) {
                        errors.add(new ContentError(file, "", "module '" + module.slug() + "' belongs to track '" + owner
                                + "', which is not in this folder (module slugs are unique across tracks)"));
                    }
                }
                for (ProblemSlug problem : track.problems()) {
                    TrackSlug owner = placements.get(problem);
                    if (owner != null && !owner.equals(track.slug()) && !folderTracks.contains(owner) && !synced.contains(owner)) {
                        errors.add(new ContentError(file, "", "problem '" + problem + "' is in a lesson of track '" + owner
                                + "', which is not in this folder (a problem belongs to at most one lesson of all tracks)"));
                    }
                }
            }
            return errors;
        }

        private Section topics() {
            List<TopicDefinition> current = topics.all();
            Map<TopicSlug, Placed> before = placed(current);
            Map<TopicSlug, Placed> after = placed(snapshot.topics());
            var list = new ArrayList<Change>();
            int unchanged = 0;
            for (var entry : after.entrySet()) {
                Placed old = before.get(entry.getKey());
                if (old == null) {
                    list.add(new Change(ChangeKind.ADDED, entry.getKey().value(), ""));
                } else if (!old.equals(entry.getValue())) {
                    list.add(new Change(ChangeKind.CHANGED, entry.getKey().value(), ""));
                } else {
                    unchanged++;
                }
            }
            for (TopicSlug slug : before.keySet()) {
                if (!after.containsKey(slug) && !slug.equals(ProblemDocument.DEFAULT_TOPIC)) {
                    list.add(new Change(ChangeKind.ARCHIVED, slug.value(), "archived"));
                }
            }
            if (apply && !list.isEmpty()) {
                topics.replaceAll(snapshot.topics(), now);
            }
            return section("topics", list, unchanged);
        }

        private Section problems() {
            var list = new ArrayList<Change>();
            int unchanged = 0;
            int done = 0;
            int total = snapshot.problems().size();
            for (Map.Entry<ProblemSlug, ProblemContent> entry : snapshot.problems().entrySet()) {
                ProblemSlug slug = entry.getKey();
                ProblemContent content = entry.getValue();
                Optional<StoredProblem> stored = problems.find(slug);
                if (stored.isEmpty()) {
                    save(Problem.create(slug, content).publish(now));
                    list.add(new Change(ChangeKind.ADDED, slug.value(), ""));
                } else {
                    Problem problem = stored.get().problem();
                    PublicationState state = problem.state();
                    int versions = problem.history().size();
                    if (state == PublicationState.ARCHIVED) {
                        problem = problem.restore();
                    }
                    boolean draftReplaced = !problem.draft().equals(content);
                    if (draftReplaced) {
                        problem = problem.edit(content);
                    }
                    problem = problem.publish(now);
                    int latest = problem.history().size();
                    if (state != PublicationState.PUBLISHED) {
                        String detail = versions == 0 ? "" : latest > versions ? "restored as version " + latest : "restored at version " + latest;
                        list.add(new Change(ChangeKind.ADDED, slug.value(), detail));
                    } else if (latest > versions) {
                        list.add(new Change(ChangeKind.CHANGED, slug.value(), "version " + versions + " -> " + latest));
                    } else {
                        unchanged++;
                    }
                    if (state != PublicationState.PUBLISHED || draftReplaced || latest > versions || !stored.get().synced()) {
                        save(problem);
                    }
                }
                progress.advanced("problems", ++done, total);
            }
            for (ProblemSlug slug : problems.synced()) {
                if (snapshot.problems().containsKey(slug)) {
                    continue;
                }
                Problem problem = problems.find(slug).orElseThrow().problem();
                if (problem.state() != PublicationState.ARCHIVED) {
                    save(problem.archive());
                    list.add(new Change(ChangeKind.ARCHIVED, slug.value(), "archived"));
                }
            }
            return section("problems", list, unchanged);
        }

        private void save(Problem problem) {
            if (apply) {
                problems.save(new StoredProblem(problem, true), Optional.empty(), now);
            }
        }

        private Section tracks() {
            var list = new ArrayList<Change>();
            int unchanged = 0;
            Set<TrackSlug> inFolder = snapshot.tracks().stream().map(TrackDefinition::slug).collect(Collectors.toSet());
            // Archive first: what leaves the folder frees its problems and modules for the others.
            for (TrackSlug slug : tracks.synced()) {
                if (inFolder.contains(slug)) {
                    continue;
                }
                StoredTrack track = tracks.find(slug).orElseThrow();
                if (track.state() != PublicationState.ARCHIVED) {
                    if (apply) {
                        tracks.save(new StoredTrack(slug, PublicationState.ARCHIVED, track.draft(), track.published(), track.publishedAt(),
                                true), now);
                    }
                    list.add(new Change(ChangeKind.ARCHIVED, slug.value(), "archived"));
                }
            }
            for (TrackDefinition definition : snapshot.tracks()) {
                Optional<StoredTrack> stored = tracks.find(definition.slug());
                var published = new StoredTrack(definition.slug(), PublicationState.PUBLISHED, definition, Optional.of(definition),
                        Optional.of(now), true);
                if (stored.isEmpty()) {
                    list.add(new Change(ChangeKind.ADDED, definition.slug().value(), ""));
                } else {
                    StoredTrack track = stored.get();
                    boolean same = track.state() == PublicationState.PUBLISHED && track.published().filter(definition::equals).isPresent();
                    if (same) {
                        unchanged++;
                        if (track.draft().equals(definition) && track.synced()) {
                            continue;
                        }
                        published = new StoredTrack(definition.slug(), PublicationState.PUBLISHED, definition, Optional.of(definition),
                                track.publishedAt(), true);
                    } else if (track.state() == PublicationState.PUBLISHED) {
                        list.add(new Change(ChangeKind.CHANGED, definition.slug().value(), ""));
                    } else {
                        list.add(new Change(ChangeKind.ADDED, definition.slug().value(),
                                track.state() == PublicationState.ARCHIVED ? "restored" : ""));
                    }
                }
                if (apply) {
                    tracks.save(published, now);
                }
            }
            return section("tracks", list, unchanged);
        }

        private Section achievements() {
            var before = new LinkedHashMap<String, AchievementDefinition>();
            awards.achievements().forEach(a -> before.put(a.achievement().code().value(), a));
            var after = new LinkedHashMap<String, AchievementDefinition>();
            snapshot.achievements().forEach(a -> after.put(a.achievement().code().value(), a));
            var list = new ArrayList<Change>();
            int unchanged = 0;
            for (var entry : after.entrySet()) {
                AchievementDefinition old = before.get(entry.getKey());
                if (old == null) {
                    list.add(new Change(ChangeKind.ADDED, entry.getKey(), ""));
                } else if (!old.equals(entry.getValue())) {
                    list.add(new Change(ChangeKind.CHANGED, entry.getKey(), ""));
                } else {
                    unchanged++;
                }
            }
            before.keySet().stream().filter(code -> !after.containsKey(code))
                    .forEach(code -> list.add(new Change(ChangeKind.ARCHIVED, code, "archived")));
            boolean reordered = !List.copyOf(before.keySet()).equals(List.copyOf(after.keySet()));
            if (apply && (!list.isEmpty() || reordered)) {
                awards.replaceAchievements(snapshot.achievements(), now);
            }
            return section("achievements", list, unchanged);
        }

        private Section badges() {
            BadgeLadder current = awards.ladder();
            BadgeLadder wanted = snapshot.ladder();
            var before = new TreeMap<Integer, BadgeRank>();
            current.ranks().forEach(rank -> before.put(rank.level(), rank));
            var after = new TreeMap<Integer, BadgeRank>();
            wanted.ranks().forEach(rank -> after.put(rank.level(), rank));
            var list = new ArrayList<Change>();
            int unchanged = 0;
            for (var entry : after.entrySet()) {
                BadgeRank old = before.get(entry.getKey());
                if (old == null) {
                    list.add(new Change(ChangeKind.ADDED, entry.getValue().name(), "level " + entry.getKey()));
                } else if (!old.equals(entry.getValue())) {
                    list.add(new Change(ChangeKind.CHANGED, entry.getValue().name(), "level " + entry.getKey()));
                } else {
                    unchanged++;
                }
            }
            before.forEach((level, rank) -> {
                if (!after.containsKey(level)) {
                    list.add(new Change(ChangeKind.ARCHIVED, rank.name(), "level " + level + ", archived"));
                }
            });
            if (apply && !list.isEmpty()) {
                awards.replaceLadder(wanted, now);
            }
            return new Section("badges", list, unchanged);
        }
    }

    /** Changes sorted: added, changed, archived, each in name order. */
    private static Section section(String name, List<Change> changes, int unchanged) {
        var sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::kind).thenComparing(Change::name));
        return new Section(name, sorted, unchanged);
    }

    /** A topic where the tree puts it: its definition and its place among its siblings. */
    private record Placed(TopicDefinition definition, int position) {
    }

    private static Map<TopicSlug, Placed> placed(List<TopicDefinition> topics) {
        var positions = new HashMap<Optional<TopicSlug>, Integer>();
        var placed = new LinkedHashMap<TopicSlug, Placed>();
        for (TopicDefinition topic : topics) {
            int position = positions.merge(topic.topic().parent(), 1, Integer::sum) - 1;
            placed.put(topic.slug(), new Placed(topic, position));
        }
        return placed;
    }
}
