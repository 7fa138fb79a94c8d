package org.praxis.application.curriculum.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.praxis.application.common.InvalidInput;
import org.praxis.application.curriculum.port.in.ValidateContentUseCase.ContentError;
import org.praxis.application.curriculum.port.out.Awards.AchievementDefinition;
import org.praxis.application.curriculum.port.out.ContentFolders.ContentFolder;
import org.praxis.application.curriculum.port.out.ContentFolders.FileContent;
import org.praxis.application.curriculum.port.out.Topics.TopicDefinition;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.ProblemContent;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TopicSlug;
import org.praxis.domain.curriculum.TopicTree;
import org.praxis.domain.curriculum.TrackSlug;
import org.praxis.domain.gamification.BadgeLadder;

/**
 * Turns a content folder (docs/content.md) into a {@link Snapshot} of domain values, or into the list
 * of everything wrong with it, each problem with its file and field. Checks each file on its own and
 * then the references between them: topics of problems and achievements, problems of tracks, module
 * slugs unique across tracks, and a problem in at most one lesson of all tracks.
 */
public final class ContentFolderParser {
    public static final String TOPICS = "topics.yaml";
    public static final String BADGES = "gamification/badges.yaml";
    public static final String ACHIEVEMENTS = "gamification/achievements.yaml";
    private static final String TRACKS = "tracks/";
    private static final String PROBLEMS = "problems/";

    private ContentFolderParser() {
    }

    /** A valid folder, as domain values. */
    public record Snapshot(List<TopicDefinition> topics, List<TrackDefinition> tracks, SortedMap<ProblemSlug, ProblemContent> problems,
            BadgeLadder ladder, List<AchievementDefinition> achievements) {
        public Snapshot {
            topics = List.copyOf(topics);
            tracks = List.copyOf(tracks);
            problems = new TreeMap<>(problems);
            achievements = List.copyOf(achievements);
        }
    }

    /** Either a snapshot (when {@code errors} is empty) or the errors. */
    public record Result(Optional<Snapshot> snapshot, List<ContentError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    public static Result parse(ContentFolder folder) {
        return new Parse(folder).run();
    }

    private static final class Parse {
        private final ContentFolder folder;
        private final List<ContentError> errors = new ArrayList<>();

        Parse(ContentFolder folder) {
            this.folder = folder;
        }

        Result run() {
            var problemFolders = new TreeMap<String, Map<String, FileContent>>();
            var trackFiles = new TreeMap<String, FileContent>();
            folder.files().forEach((path, content) -> classify(path, content, problemFolders, trackFiles));

            // Topics first: problems, achievements and criteria refer to them.
            List<TopicDefinition> topics = List.of();
            var topicPaths = new HashMap<TopicSlug, String>();
            FileContent topicsFile = folder.files().get(TOPICS);
            if (topicsFile != null) {
                Optional<Object> tree = yaml(TOPICS, topicsFile);
                if (tree.isPresent()) {
                    var fieldErrors = new FieldErrors();
                    TopicsDocument.Read read = TopicsDocument.read(Node.root(tree.get(), fieldErrors));
                    report(TOPICS, fieldErrors);
                    topics = read.topics();
                    topicPaths.putAll(read.paths());
                    List<org.praxis.domain.curriculum.Topic> domainTopics = topics.stream().map(TopicDefinition::topic).toList();
                    TopicTree.problemsWith(domainTopics).forEach(problem -> errors.add(new ContentError(TOPICS, "topics", problem)));
                }
            }
            Set<TopicSlug> knownTopics = new HashSet<>(topicPaths.keySet());
            knownTopics.add(ProblemDocument.DEFAULT_TOPIC);

            SortedMap<ProblemSlug, ProblemContent> problems = new TreeMap<>();
            Set<ProblemSlug> problemSlugs = new HashSet<>();
            problemFolders.forEach((name, files) -> problem(name, files, knownTopics, problems, problemSlugs));

            List<TrackDefinition> tracks = tracks(trackFiles, problemSlugs);

            BadgeLadder ladder = BadgeLadder.DEFAULT;
            FileContent badgesFile = folder.files().get(BADGES);
            if (badgesFile != null) {
                Optional<Object> tree = yaml(BADGES, badgesFile);
                if (tree.isPresent()) {
                    var fieldErrors = new FieldErrors();
                    ladder = AwardsDocuments.readLadder(Node.root(tree.get(), fieldErrors)).orElse(BadgeLadder.DEFAULT);
                    report(BADGES, fieldErrors);
                }
            }

            List<AchievementDefinition> achievements = List.of();
            FileContent achievementsFile = folder.files().get(ACHIEVEMENTS);
            if (achievementsFile != null) {
                Optional<Object> tree = yaml(ACHIEVEMENTS, achievementsFile);
                if (tree.isPresent()) {
                    var fieldErrors = new FieldErrors();
                    var read = AwardsDocuments.readAchievements(Node.root(tree.get(), fieldErrors));
                    read.topicReferences().forEach((path, topic) -> {
                        if (!knownTopics.contains(topic)) {
                            fieldErrors.add(path, "unknown topic '" + topic + "'");
                        }
                    });
                    report(ACHIEVEMENTS, fieldErrors);
                    achievements = read.achievements();
                }
            }

            // Sorted by file; within a file in the order found (document order).
            var sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(ContentError::file));
            if (!sorted.isEmpty()) {
                return new Result(Optional.empty(), sorted);
            }
            return new Result(Optional.of(new Snapshot(topics, tracks, problems, ladder, achievements)), List.of());
        }

        private void classify(String path, FileContent content, Map<String, Map<String, FileContent>> problemFolders,
                Map<String, FileContent> trackFiles) {
            if (path.equals(".") && content instanceof FileContent.Unreadable unreadable) {
                errors.add(new ContentError(folder.location(), "", unreadable.reason()));
                return;
            }
            if (path.endsWith(".yml")) {
                errors.add(new ContentError(path, "", "YAML files of a content folder end in .yaml"));
                return;
            }
            if (path.startsWith(PROBLEMS)) {
                String rest = path.substring(PROBLEMS.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    if (path.endsWith(".yaml")) {
                        errors.add(new ContentError(path, "", "is not a content file; each problem is a folder problems/<slug>/ with a problem.yaml"));
                    }
                    return;
                }
                String name = rest.substring(0, slash);
                String file = rest.substring(slash + 1);
                if (file.contains("/")) {
                    return; // sub-folders (images and the like) are not read
                }
                problemFolders.computeIfAbsent(name, key -> new LinkedHashMap<>()).put(file, content);
                return;
            }
            if (path.startsWith(TRACKS)) {
                String rest = path.substring(TRACKS.length());
                if (rest.endsWith(".yaml") && !rest.contains("/")) {
                    trackFiles.put(path, content);
                } else if (rest.endsWith(".yaml")) {
                    errors.add(new ContentError(path, "", "is not a content file; tracks are files tracks/<slug>.yaml"));
                }
                return;
            }
            if (path.endsWith(".yaml") && !path.equals(TOPICS) && !path.equals(BADGES) && !path.equals(ACHIEVEMENTS)) {
                errors.add(new ContentError(path, "", "is not a content file; expected " + TOPICS + ", " + BADGES + ", " + ACHIEVEMENTS
                        + ", tracks/<slug>.yaml or problems/<slug>/problem.yaml"));
            }
        }

        private void problem(String name, Map<String, FileContent> files, Set<TopicSlug> knownTopics,
                SortedMap<ProblemSlug, ProblemContent> problems, Set<ProblemSlug> problemSlugs) {
            String base = PROBLEMS + name + "/";
            ProblemSlug slug;
            try {
                slug = new ProblemSlug(name);
            } catch (IllegalArgumentException e) {
                errors.add(new ContentError(PROBLEMS + name, "", "the folder name is not a valid slug: " + e.getMessage()));
                return;
            }
            problemSlugs.add(slug);
            for (String file : files.keySet()) {
                if (file.endsWith(".yaml") && !file.equals("problem.yaml")) {
                    errors.add(new ContentError(base + file, "", "is not a content file; a problem folder has problem.yaml, statement.md, "
                            + "solution.md and starter.<ext>"));
                }
            }
            String statement = text(base, "statement.md", files).orElse("");
            if (!files.containsKey("statement.md")) {
                errors.add(new ContentError(base + "statement.md", "", "is missing; every problem needs a statement"));
            } else if (statement.isBlank() && files.get("statement.md") instanceof FileContent.Text) {
                errors.add(new ContentError(base + "statement.md", "", "is empty; every problem needs a statement"));
            }
            String solution = text(base, "solution.md", files).orElse("");
            var starters = files.keySet().stream().filter(file -> file.startsWith("starter.")).sorted().toList();
            if (starters.size() > 1) {
                errors.add(new ContentError(base + starters.get(1), "", "a problem has one starter file; also found " + starters.get(0)));
            }
            String starter = starters.isEmpty() ? "" : text(base, starters.get(0), files).orElse("");

            FileContent problemFile = files.get("problem.yaml");
            if (problemFile == null) {
                errors.add(new ContentError(base + "problem.yaml", "", "is missing; every problem folder needs one"));
                return;
            }
            Optional<Object> tree = yaml(base + "problem.yaml", problemFile);
            if (tree.isEmpty()) {
                return;
            }
            var fieldErrors = new FieldErrors();
            Optional<ProblemContent> content = ProblemDocument.read(Node.root(tree.get(), fieldErrors), ProblemDocument.Form.FILE,
                    new ProblemDocument.Texts(statement.isBlank() ? "" : statement, solution, starter));
            // The topic must be one of topics.yaml (checked on the raw value, so it is reported even when other fields are wrong).
            if (tree.get() instanceof Map<?, ?> map && map.get("topic") instanceof String topic) {
                try {
                    if (!knownTopics.contains(new TopicSlug(topic))) {
                        fieldErrors.add("topic", "unknown topic '" + topic + "'");
                    }
                } catch (IllegalArgumentException alreadyReported) {
                    // an invalid slug was reported by the document reader
                }
            }
            report(base + "problem.yaml", fieldErrors);
            if (fieldErrors.isEmpty()) {
                content.ifPresent(c -> problems.put(slug, c));
            }
        }

        private List<TrackDefinition> tracks(Map<String, FileContent> trackFiles, Set<ProblemSlug> problemSlugs) {
            var tracks = new ArrayList<TrackDefinition>();
            var moduleOwners = new HashMap<ModuleSlug, String>();
            var problemOwners = new HashMap<ProblemSlug, String>();
            trackFiles.forEach((path, content) -> {
                String name = path.substring(TRACKS.length(), path.length() - ".yaml".length());
                TrackSlug slug;
                try {
                    slug = new TrackSlug(name);
                } catch (IllegalArgumentException e) {
                    errors.add(new ContentError(path, "", "the file name is not a valid slug: " + e.getMessage()));
                    return;
                }
                Optional<Object> tree = yaml(path, content);
                if (tree.isEmpty()) {
                    return;
                }
                var fieldErrors = new FieldErrors();
                Optional<TrackDocument.Read> read = TrackDocument.read(Node.root(tree.get(), fieldErrors), slug);
                // References: problems of this folder, modules and problems not claimed by another track.
                read.ifPresent(r -> {
                    r.problemPaths().forEach((problem, at) -> {
                        if (!problemSlugs.contains(problem)) {
                            fieldErrors.add(at, "unknown problem '" + problem + "'");
                        } else {
                            String other = problemOwners.putIfAbsent(problem, path);
                            if (other != null) {
                                fieldErrors.add(at, "problem '" + problem + "' is already in a lesson of " + other
                                        + " (a problem belongs to at most one lesson of all tracks)");
                            }
                        }
                    });
                    r.modulePaths().forEach((module, at) -> {
                        String other = moduleOwners.putIfAbsent(module, path);
                        if (other != null) {
                            fieldErrors.add(at + ".slug", "module '" + module + "' is already defined in " + other
                                    + " (module slugs are unique across tracks)");
                        }
                    });
                });
                report(path, fieldErrors);
                if (fieldErrors.isEmpty()) {
                    read.flatMap(TrackDocument.Read::definition).ifPresent(tracks::add);
                }
            });
            return tracks;
        }

        private Optional<Object> yaml(String path, FileContent content) {
            if (content instanceof FileContent.Yaml yaml) {
                if (yaml.tree() == null) {
                    errors.add(new ContentError(path, "", "is empty"));
                    return Optional.empty();
                }
                return Optional.of(yaml.tree());
            }
            if (content instanceof FileContent.Unreadable unreadable) {
                errors.add(new ContentError(path, "", unreadable.reason()));
            } else {
                errors.add(new ContentError(path, "", "cannot be read as YAML"));
            }
            return Optional.empty();
        }

        private Optional<String> text(String base, String file, Map<String, FileContent> files) {
            FileContent content = files.get(file);
            if (content instanceof FileContent.Text text) {
                return Optional.of(text.text());
            }
            if (content instanceof FileContent.Unreadable unreadable) {
                errors.add(new ContentError(base + file, "", unreadable.reason()));
            }
            return Optional.empty();
        }

        private void report(String file, FieldErrors fieldErrors) {
            for (InvalidInput.FieldError error : fieldErrors.list()) {
                errors.add(new ContentError(file, error.field(), error.message()));
            }
        }
    }
}
