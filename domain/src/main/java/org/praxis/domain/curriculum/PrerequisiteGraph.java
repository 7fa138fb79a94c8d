package org.praxis.domain.curriculum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which modules require which (CU1), across every track. {@link #problems()} reports everything wrong
 * at once, in a stable order: unknown modules, self-references, then one {@link PrerequisiteProblem.Cycle}
 * per group of modules that require each other (a strongly connected component), so an author sees
 * the whole list on the first try.
 */
public record PrerequisiteGraph(SortedMap<ModuleSlug, SortedSet<ModuleSlug>> prerequisites) {

    public PrerequisiteGraph {
        var copy = new TreeMap<ModuleSlug, SortedSet<ModuleSlug>>();
        Objects.requireNonNull(prerequisites, "prerequisites").forEach((module, required) ->
                copy.put(Objects.requireNonNull(module, "module"), Collections.unmodifiableSortedSet(new TreeSet<>(required))));
        prerequisites = Collections.unmodifiableSortedMap(copy);
    }

    public static PrerequisiteGraph of(Collection<TrackModule> modules) {
        var map = new TreeMap<ModuleSlug, SortedSet<ModuleSlug>>();
        for (TrackModule module : modules) {
            if (map.put(module.slug(), module.prerequisites()) != null) {
                throw new IllegalArgumentException("module " + module.slug() + " is defined twice");
            }
        }
        return new PrerequisiteGraph(map);
    }

    public static PrerequisiteGraph of(Map<ModuleSlug, ? extends Collection<ModuleSlug>> prerequisites) {
        var map = new TreeMap<ModuleSlug, SortedSet<ModuleSlug>>();
        prerequisites.forEach((module, required) -> map.put(module, new TreeSet<>(required)));
        return new PrerequisiteGraph(map);
    }

    /** The direct prerequisites of {@code module}; empty for a module without any (or an unknown one). */
    public SortedSet<ModuleSlug> prerequisitesOf(ModuleSlug module) {
        SortedSet<ModuleSlug> required = prerequisites.get(module);
        return required == null ? Collections.emptySortedSet() : required;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    public List<PrerequisiteProblem> problems() {
        var problems = new ArrayList<PrerequisiteProblem>();
        prerequisites.forEach((module, required) -> required.stream()
                .filter(prerequisite -> !prerequisites.containsKey(prerequisite))
                .forEach(prerequisite -> problems.add(new PrerequisiteProblem.UnknownModule(module, prerequisite))));
        prerequisites.forEach((module, required) -> {
            if (required.contains(module)) {
                problems.add(new PrerequisiteProblem.SelfReference(module));
            }
        });
        for (SortedSet<ModuleSlug> component : new Components().find()) {
            if (component.size() > 1) {
                problems.add(new PrerequisiteProblem.Cycle(cycleThrough(component.first(), component)));
            }
        }
        return problems;
    }

    /** Known, non-self edges: the part of the graph cycles are looked for in. */
    private List<ModuleSlug> edges(ModuleSlug module) {
        return prerequisitesOf(module).stream().filter(next -> !next.equals(module) && prerequisites.containsKey(next)).toList();
    }

    /** The shortest path from {@code start} back to itself inside one component (breadth-first). */
    private List<ModuleSlug> cycleThrough(ModuleSlug start, SortedSet<ModuleSlug> component) {
        var cameFrom = new HashMap<ModuleSlug, ModuleSlug>();
        var queue = new ArrayDeque<ModuleSlug>(List.of(start));
        while (!queue.isEmpty()) {
            ModuleSlug current = queue.removeFirst();
            for (ModuleSlug next : edges(current)) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    var path = new ArrayList<ModuleSlug>();
                    for (ModuleSlug step = current; step != null; step = cameFrom.get(step)) {
                        path.add(step);
                    }
                    Collections.reverse(path);
                    return path;
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("a strongly connected component always has a cycle through each member");
    }

    /** Tarjan's strongly connected components, iterative so deep chains cannot overflow the stack. */
    private final class Components {
        private final Map<ModuleSlug, Integer> index = new HashMap<>();
        private final Map<ModuleSlug, Integer> lowLink = new HashMap<>();
        private final ArrayDeque<ModuleSlug> stack = new ArrayDeque<>();
        private final Set<ModuleSlug> onStack = new HashSet<>();
        private final List<SortedSet<ModuleSlug>> components = new ArrayList<>();
        private int counter;

        List<SortedSet<ModuleSlug>> find() {
            for (ModuleSlug module : prerequisites.keySet()) {
                if (!index.containsKey(module)) {
                    visit(module);
                }
            }
            components.sort((a, b) -> a.first().compareTo(b.first()));
            return components;
        }

        private void visit(ModuleSlug root) {
            var frames = new ArrayDeque<Frame>();
            open(root);
            frames.push(new Frame(root, edges(root)));
            while (!frames.isEmpty()) {
                Frame frame = frames.peek();
                ModuleSlug module = frame.module;
                if (frame.next < frame.edges.size()) {
                    ModuleSlug target = frame.edges.get(frame.next++);
                    if (!index.containsKey(target)) {
                        open(target);
                        frames.push(new Frame(target, edges(target)));
                    } else if (onStack.contains(target)) {
                        lowLink.put(module, Math.min(lowLink.get(module), index.get(target)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    ModuleSlug parent = frames.peek().module;
                    lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(module)));
                }
                if (lowLink.get(module).equals(index.get(module))) {
                    var component = new TreeSet<ModuleSlug>();
                    ModuleSlug member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(module));
                    components.add(component);
                }
            }
        }

        /** One module being explored and the position of the next edge to follow. */
        private final class Frame {
            final ModuleSlug module;
            final List<ModuleSlug> edges;
            int next;

            Frame(ModuleSlug module, List<ModuleSlug> edges) {
                this.module = module;
                this.edges = edges;
            }
        }

        private void open(ModuleSlug module) {
            index.put(module, counter);
            lowLink.put(module, counter);
            counter++;
            stack.push(module);
            onStack.add(module);
        }
    }
}
