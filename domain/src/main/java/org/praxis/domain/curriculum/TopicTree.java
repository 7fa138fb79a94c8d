package org.praxis.domain.curriculum;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The topic hierarchy (CU1). List order is display order among siblings (seed 003's
 * {@code order_index}, made positional so two topics can never share a place). Rules, all reported
 * together in one {@link CurriculumViolation}: slugs are unique, a parent exists, a topic is not its
 * own parent, and following parents always ends at a root (no cycles).
 */
public record TopicTree(List<Topic> topics) {

    public TopicTree {
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        List<String> problems = problemsWith(topics);
        if (!problems.isEmpty()) {
            throw new CurriculumViolation(problems);
        }
    }

    /** Every rule the topics break; empty when they form a tree. */
    public static List<String> problemsWith(List<Topic> topics) {
        var problems = new ArrayList<String>();
        var bySlug = new LinkedHashMap<TopicSlug, Topic>();
        for (Topic topic : topics) {
            if (bySlug.putIfAbsent(topic.slug(), topic) != null) {
                problems.add("topic " + topic.slug() + " is defined twice");
            }
        }
        for (Topic topic : bySlug.values()) {
            topic.parent().ifPresent(parent -> {
                if (parent.equals(topic.slug())) {
                    problems.add("topic " + topic.slug() + " is its own parent");
                } else if (!bySlug.containsKey(parent)) {
                    problems.add("topic " + topic.slug() + " has an unknown parent " + parent);
                }
            });
        }
        // A topic is on a cycle when walking up its parents returns to it; report each cycle once.
        var reported = new HashSet<TopicSlug>();
        for (Topic start : bySlug.values()) {
            var path = new ArrayList<TopicSlug>();
            var seen = new HashSet<TopicSlug>();
            Optional<TopicSlug> current = Optional.of(start.slug());
            while (current.isPresent() && bySlug.containsKey(current.get()) && seen.add(current.get())) {
                path.add(current.get());
                current = bySlug.get(current.get()).parent();
            }
            if (current.isPresent() && current.get().equals(start.slug()) && path.size() > 1 && !reported.contains(start.slug())) {
                reported.addAll(path);
                problems.add("topics form a cycle: " + cycleText(path));
            }
        }
        return problems;
    }

    private static String cycleText(List<TopicSlug> path) {
        var names = new ArrayList<String>();
        path.forEach(slug -> names.add(slug.value()));
        names.add(path.get(0).value());
        return String.join(" -> ", names);
    }

    public boolean contains(TopicSlug slug) {
        return find(slug).isPresent();
    }

    public Optional<Topic> find(TopicSlug slug) {
        return topics.stream().filter(topic -> topic.slug().equals(slug)).findFirst();
    }

    public List<Topic> roots() {
        return topics.stream().filter(topic -> topic.parent().isEmpty()).toList();
    }

    /** Direct children, in display order. */
    public List<Topic> children(TopicSlug slug) {
        require(slug);
        return topics.stream().filter(topic -> topic.parent().filter(slug::equals).isPresent()).toList();
    }

    /** Parent, grandparent... up to the root: nearest first. */
    public List<TopicSlug> ancestors(TopicSlug slug) {
        var result = new ArrayList<TopicSlug>();
        Optional<TopicSlug> parent = require(slug).parent();
        while (parent.isPresent()) {
            result.add(parent.get());
            parent = require(parent.get()).parent();
        }
        return result;
    }

    /** The topic and all its descendants, parents before children (so "problems in SQL" includes "joins"). */
    public Set<TopicSlug> subtree(TopicSlug slug) {
        require(slug);
        var result = new LinkedHashSet<TopicSlug>();
        var queue = new ArrayList<TopicSlug>(List.of(slug));
        for (int i = 0; i < queue.size(); i++) {
            TopicSlug current = queue.get(i);
            result.add(current);
            children(current).forEach(child -> queue.add(child.slug()));
        }
        return result;
    }

    /** True when {@code slug} is {@code ancestor} or lies below it. */
    public boolean isWithin(TopicSlug slug, TopicSlug ancestor) {
        return slug.equals(ancestor) || ancestors(slug).contains(ancestor);
    }

    private Topic require(TopicSlug slug) {
        return find(slug).orElseThrow(() -> new IllegalArgumentException("unknown topic " + slug));
    }
}
