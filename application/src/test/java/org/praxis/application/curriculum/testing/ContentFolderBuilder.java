package org.praxis.application.curriculum.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.praxis.application.curriculum.port.out.ContentFolders.ContentFolder;
import org.praxis.application.curriculum.port.out.ContentFolders.FileContent;

/**
 * Content folders for unit tests, written as the values a YAML parser gives (maps, lists, strings,
 * numbers). {@link #sample()} is a small valid folder: two topic roots (one with XP settings), three
 * problems of different kinds, one track whose second module requires the first, a badge ladder and
 * two achievements.
 */
public final class ContentFolderBuilder {
    private final String location;
    private final TreeMap<String, FileContent> files = new TreeMap<>();

    public ContentFolderBuilder(String location) {
        this.location = location;
    }

    /** An ordered map from key, value, key, value... */
    public static Map<String, Object> map(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public ContentFolderBuilder yaml(String path, Object tree) {
        files.put(path, new FileContent.Yaml(tree));
        return this;
    }

    public ContentFolderBuilder text(String path, String text) {
        files.put(path, new FileContent.Text(text));
        return this;
    }

    public ContentFolderBuilder file(String path, FileContent content) {
        files.put(path, content);
        return this;
    }

    public ContentFolderBuilder without(String path) {
        files.remove(path);
        return this;
    }

    /** A problem folder: problem.yaml, statement.md and (when not empty) solution.md. */
    public ContentFolderBuilder problem(String slug, Map<String, Object> yaml, String statement, String solution) {
        yaml("problems/" + slug + "/problem.yaml", yaml);
        text("problems/" + slug + "/statement.md", statement);
        if (!solution.isEmpty()) {
            text("problems/" + slug + "/solution.md", solution);
        }
        return this;
    }

    public ContentFolder build() {
        return new ContentFolder(location, files);
    }

    public static Map<String, Object> choiceProblem(String title, String topic) {
        return map("title", title, "kind", "choice", "difficulty", "beginner", "topic", topic, "tags", list("html", "elements"),
                "hints", list(map("text", "A void element never has children.", "penalty", 10)),
                "grader", map("type", "single-choice", "options", list("<div>", "<br>", "<p>"), "correct", 1));
    }

    public static Map<String, Object> answerProblem(String title, String topic) {
        return map("title", title, "kind", "answer", "difficulty", "intermediate", "topic", topic, "tags", list("http"),
                "basePoints", 80, "timeBonusPoints", 20, "estimatedSeconds", 120,
                "grader", map("type", "exact", "accepted", list("201", "201 Created")));
    }

    public static Map<String, Object> numericProblem(String title, String topic) {
        return map("title", title, "kind", "numeric", "difficulty", "advanced", "topic", topic,
                "grader", map("type", "numeric", "value", new java.math.BigDecimal("0.25"), "tolerance", "0.005"));
    }

    public static Map<String, Object> track(String title, Object... modules) {
        return map("title", title, "description", title + ", step by step.", "modules", list(modules));
    }

    public static Map<String, Object> module(String slug, List<Object> prerequisites, Object... lessons) {
        return map("slug", slug, "title", "Module " + slug, "prerequisites", prerequisites, "lessons", list(lessons));
    }

    public static Map<String, Object> lesson(String slug, Object... problems) {
        return map("slug", slug, "title", "Lesson " + slug, "problems", list(problems));
    }

    public static ContentFolderBuilder sample(String location) {
        return new ContentFolderBuilder(location)
                .yaml("topics.yaml", map("topics", list(
                        map("slug", "web", "title", "Web development", "description", "How the web works.", "children", list(
                                map("slug", "html", "title", "HTML"),
                                map("slug", "http", "title", "HTTP"))),
                        map("slug", "arithmetic", "title", "Arithmetic", "xp", map("maxXp", 500, "multiplierFull", new java.math.BigDecimal("1.00"),
                                "levelThresholds", list(0, 100, 250))))))
                .problem("html-void-elements", choiceProblem("Void elements", "html"), "Which element is a void element?",
                        "`<br>` has no content, so no closing tag.")
                .problem("http-status-created", answerProblem("Created", "http"), "Which status code says a resource was created?", "")
                .problem("quarter-as-decimal", numericProblem("A quarter", "arithmetic"), "Write 1/4 as a decimal.", "0.25")
                .yaml("tracks/web-basics.yaml", track("Web basics",
                        module("html-foundations", list(), lesson("elements", "html-void-elements")),
                        module("http-basics", list("html-foundations"), lesson("status-codes", "http-status-created"))))
                .yaml("gamification/badges.yaml", map("ranks", list(
                        map("name", "Novice", "level", 1, "minPoints", 0, "minSolved", 0),
                        map("name", "Adept", "level", 2, "minPoints", 500, "minSolved", 5))))
                .yaml("gamification/achievements.yaml", map("achievements", list(
                        map("code", "first-steps", "title", "First steps", "description", "Submit your first answer.", "rarity", "common",
                                "pointsReward", 10, "criterion", map("type", "firstSubmission")),
                        map("code", "html-level-two", "title", "HTML apprentice", "rarity", "rare",
                                "criterion", map("type", "levelReached", "topic", "html", "level", 2)))));
    }
}
