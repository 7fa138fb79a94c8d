package org.praxis.application.curriculum.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.praxis.application.curriculum.port.out.Tracks.ModuleDefinition;
import org.praxis.application.curriculum.port.out.Tracks.TrackDefinition;
import org.praxis.domain.curriculum.Lesson;
import org.praxis.domain.curriculum.LessonSlug;
import org.praxis.domain.curriculum.ModuleSlug;
import org.praxis.domain.curriculum.PrerequisiteGraph;
import org.praxis.domain.curriculum.PrerequisiteProblem;
import org.praxis.domain.curriculum.ProblemSlug;
import org.praxis.domain.curriculum.TrackSlug;

/**
 * A track document ({@code tracks/<slug>.yaml}, and the body of {@code PUT /v1/authoring/tracks/{slug}}),
 * to and from a {@link TrackDefinition}. Checks everything one track can check on its own: slugs, module
 * and lesson slugs unique within the track, a problem listed once, prerequisites that name modules of
 * this track, and no prerequisite cycle. Whether the problems exist, and rules across tracks, are
 * checked by whoever knows the other tracks and the problems.
 */
public final class TrackDocument {
    static final List<String> TRACK_FIELDS = List.of("title", "description", "modules");
    static final List<String> MODULE_FIELDS = List.of("slug", "title", "description", "prerequisites", "lessons");
    static final List<String> LESSON_FIELDS = List.of("slug", "title", "problems");

    private TrackDocument() {
    }

    /**
     * What was read: the definition when the document is valid, and where each problem and module is
     * listed (also when it is not, so that references can be checked and reported all the same).
     */
    public record Read(Optional<TrackDefinition> definition, Map<ProblemSlug, String> problemPaths, Map<ModuleSlug, String> modulePaths) {
    }

    public static Optional<Read> read(Node root, TrackSlug slug) {
        var fields = root.object("an object (a track document)", TRACK_FIELDS).orElse(null);
        if (fields == null) {
            if (!root.isPresent()) {
                root.error("is empty; a track needs at least a title and modules");
            }
            return Optional.empty();
        }
        int before = root.errors().size();
        Optional<String> title = title(fields.required("title"));
        String description = fields.get("description").text().orElse("");

        var modules = new ArrayList<ModuleDefinition>();
        var modulePaths = new LinkedHashMap<ModuleSlug, String>();
        var lessonPaths = new HashMap<LessonSlug, String>();
        var problemPaths = new LinkedHashMap<ProblemSlug, String>();
        var prerequisiteNodes = new ArrayList<List<Node>>();
        var moduleSlugAt = new ArrayList<Optional<ModuleSlug>>();
        Node modulesNode = fields.required("modules");
        for (Node moduleNode : modulesNode.items()) {
            var module = moduleNode.object("an object: {slug, title, prerequisites, lessons}", MODULE_FIELDS).orElse(null);
            if (module == null) {
                if (!moduleNode.isPresent()) {
                    moduleNode.error("must be an object: {slug, title, prerequisites, lessons}");
                }
                continue;
            }
            Optional<ModuleSlug> moduleSlug = slug(module.required("slug"), ModuleSlug::new);
            boolean repeated = false;
            if (moduleSlug.isPresent()) {
                String earlier = modulePaths.putIfAbsent(moduleSlug.get(), moduleNode.path());
                if (earlier != null) {
                    module.get("slug").error("repeats module '" + moduleSlug.get() + "' of " + earlier);
                    repeated = true;
                }
            }
            Optional<String> moduleTitle = title(module.required("title"));
            String moduleDescription = module.get("description").text().orElse("");
            List<Node> prerequisites = module.get("prerequisites").items();
            prerequisiteNodes.add(prerequisites);
            moduleSlugAt.add(moduleSlug);
            var lessons = new ArrayList<Lesson>();
            for (Node lessonNode : module.required("lessons").items()) {
                var lesson = lessonNode.object("an object: {slug, title, problems}", LESSON_FIELDS).orElse(null);
                if (lesson == null) {
                    if (!lessonNode.isPresent()) {
                        lessonNode.error("must be an object: {slug, title, problems}");
                    }
                    continue;
                }
                Optional<LessonSlug> lessonSlug = slug(lesson.required("slug"), LessonSlug::new);
                lessonSlug.ifPresent(s -> {
                    String earlier = lessonPaths.putIfAbsent(s, lessonNode.path());
                    if (earlier != null) {
                        lesson.get("slug").error("repeats lesson '" + s + "' of " + earlier + " (lesson slugs are unique within a track)");
                    }
                });
                Optional<String> lessonTitle = title(lesson.required("title"));
                var problems = new ArrayList<ProblemSlug>();
                for (Node problemNode : lesson.required("problems").items()) {
                    slug(problemNode, ProblemSlug::new).ifPresent(problem -> {
                        String earlier = problemPaths.putIfAbsent(problem, problemNode.path());
                        if (earlier != null) {
                            problemNode.error("repeats problem '" + problem + "' of " + earlier + " (a problem belongs to one lesson)");
                        } else {
                            problems.add(problem);
                        }
                    });
                }
                if (lessonSlug.isPresent() && lessonTitle.isPresent()) {
                    lessonNode.make(() -> new Lesson(lessonSlug.get(), lessonTitle.get(), problems)).ifPresent(lessons::add);
                }
            }
            if (moduleSlug.isPresent() && moduleTitle.isPresent() && !repeated) {
                var required = new ArrayList<ModuleSlug>();
                for (Node prerequisite : prerequisites) {
                    slug(prerequisite, ModuleSlug::new).ifPresent(required::add);
                }
                modules.add(new ModuleDefinition(moduleSlug.get(), moduleTitle.get(), moduleDescription, required, lessons));
            }
        }

        // Prerequisites: modules of this track, not the module itself, each once; then no cycle.
        for (int i = 0; i < prerequisiteNodes.size(); i++) {
            var seen = new java.util.HashSet<ModuleSlug>();
            for (Node prerequisite : prerequisiteNodes.get(i)) {
                if (!(prerequisite.value() instanceof String text)) {
                    continue;
                }
                ModuleSlug required;
                try {
                    required = new ModuleSlug(text);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (moduleSlugAt.get(i).filter(required::equals).isPresent()) {
                    prerequisite.error("a module cannot require itself");
                } else if (!modulePaths.containsKey(required)) {
                    prerequisite.error("unknown module '" + required + "'");
                } else if (!seen.add(required)) {
                    prerequisite.error("lists module '" + required + "' twice");
                }
            }
        }
        for (PrerequisiteProblem problem : cycles(modules)) {
            if (problem instanceof PrerequisiteProblem.Cycle cycle) {
                var names = new ArrayList<String>();
                cycle.modules().forEach(module -> names.add(module.value()));
                names.add(cycle.modules().get(0).value());
                modulesNode.error("prerequisite cycle " + String.join(" -> ", names));
            }
        }
        Optional<TrackDefinition> definition = Optional.empty();
        if (root.errors().size() == before) {
            var candidate = new TrackDefinition(slug, title.orElseThrow(), description, modules);
            definition = root.make(candidate::toTrack).map(track -> candidate);
        }
        return Optional.of(new Read(definition, problemPaths, modulePaths));
    }

    /** The domain's prerequisite problems of these modules (unknown ones were reported above, with their paths). */
    private static List<PrerequisiteProblem> cycles(List<ModuleDefinition> modules) {
        var prerequisites = new LinkedHashMap<ModuleSlug, List<ModuleSlug>>();
        modules.forEach(module -> prerequisites.put(module.slug(), module.prerequisites()));
        return PrerequisiteGraph.of(prerequisites).problems();
    }

    private static Optional<String> title(Node node) {
        Optional<String> title = node.nonBlankText();
        if (title.isPresent() && title.get().length() > 200) {
            node.error("is longer than 200 characters");
            return Optional.empty();
        }
        return title;
    }

    private static <T> Optional<T> slug(Node node, java.util.function.Function<String, T> make) {
        return node.text().flatMap(text -> node.make(() -> make.apply(text)));
    }

    /** The canonical document of a track (its slug is its name, so not part of it). */
    public static Map<String, Object> write(TrackDefinition definition) {
        var json = new LinkedHashMap<String, Object>();
        json.put("title", definition.title());
        json.put("description", definition.description());
        var modules = new ArrayList<Map<String, Object>>();
        for (ModuleDefinition module : definition.modules()) {
            var item = new LinkedHashMap<String, Object>();
            item.put("slug", module.slug().value());
            item.put("title", module.title());
            item.put("description", module.description());
            item.put("prerequisites", module.prerequisites().stream().map(ModuleSlug::value).toList());
            var lessons = new ArrayList<Map<String, Object>>();
            for (Lesson lesson : module.lessons()) {
                var lessonItem = new LinkedHashMap<String, Object>();
                lessonItem.put("slug", lesson.slug().value());
                lessonItem.put("title", lesson.title());
                lessonItem.put("problems", lesson.problems().stream().map(ProblemSlug::value).toList());
                lessons.add(lessonItem);
            }
            item.put("lessons", lessons);
            modules.add(item);
        }
        json.put("modules", modules);
        return json;
    }

    /** Reads a document this class wrote (from storage): any problem is a bug, not an author's mistake. */
    public static TrackDefinition fromStored(TrackSlug slug, Map<String, ?> json) {
        var errors = new FieldErrors();
        return read(Node.root(json, errors), slug).flatMap(Read::definition)
                .orElseThrow(() -> new IllegalStateException("stored track " + slug + " is not valid: " + errors.list()));
    }
}
