package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md drawn true to the code: every arrow of its package drawing is an import somewhere, every
 * import between the drawing's boxes is an arrow or follows from them, and no two packages import each other,
 * however indirectly.
 */
class ArchitectureDocTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern NODE = Pattern.compile("^\\s+(\\w+)\\[\"([\\w.]+)");
    private static final Pattern ARROW = Pattern.compile("^\\s+(\\w+) --> (\\w+)\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.backprop4j[\\w.]*);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.backprop4j[\\w.]*?)\\.[A-Z]",
            Pattern.MULTILINE);

    /** Package → the packages it imports from, over every module's main code. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .toList()) {
                String text = Files.readString(file);
                Matcher own = PACKAGE.matcher(text);
                if (!own.find()) {
                    continue;
                }
                Set<String> uses = graph.computeIfAbsent(own.group(1), p -> new TreeSet<>());
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    if (!imported.group(1).equals(own.group(1))) {
                        uses.add(imported.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** The drawing's box for {@code pkg}: the box of the longest package name that is {@code pkg} or encloses it. */
    private static String box(String pkg, Map<String, String> boxes) {
        String best = null;
        for (Map.Entry<String, String> box : boxes.entrySet()) {
            String name = "io.backprop4j." + box.getValue();
            if ((pkg.equals(name) || pkg.startsWith(name + ".")) && (best == null
                    || boxes.get(best).length() < box.getValue().length())) {
                best = box.getKey();
            }
        }
        return best;
    }

    @Test
    void thePackageDrawingIsTrueToTheImports() throws IOException {
        Map<String, String> boxes = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"))) {
            Matcher node = NODE.matcher(line);
            Matcher arrow = ARROW.matcher(line);
            if (node.find()) {
                String pkg = node.group(2).replace("benchmarks", "bench");
                String first = boxes.entrySet().stream().filter(b -> b.getValue().equals(pkg))
                        .map(Map.Entry::getKey).findFirst().orElse(node.group(1));
                canonical.put(node.group(1), first);
                boxes.putIfAbsent(first, pkg);
            } else if (arrow.find()) {
                arrows.computeIfAbsent(canonical.get(arrow.group(1)), b -> new TreeSet<>())
                        .add(canonical.get(arrow.group(2)));
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        imports().forEach((pkg, uses) -> uses.forEach(used -> {
            String from = box(pkg, boxes);
            String to = box(used, boxes);
            assertTrue(from != null && to != null, pkg + " or " + used + " is in no box of the drawing");
            if (!boxes.get(from).equals(boxes.get(to))) {
                actual.computeIfAbsent(from, b -> new TreeSet<>()).add(to);
            }
        }));
        List<String> invented = new ArrayList<>();
        arrows.forEach((from, tos) -> tos.stream().filter(to -> !actual.getOrDefault(from, Set.of()).contains(to)
                && !boxes.get(from).equals(boxes.get(to))).forEach(to -> invented.add(from + " --> " + to)));
        assertEquals(List.of(), invented, "arrows the code does not have");
        List<String> hidden = new ArrayList<>();
        actual.forEach((from, tos) -> tos.stream().filter(to -> !reachable(arrows, from).contains(to)
                && !boxes.get(from).equals(boxes.get(to))).forEach(to -> hidden.add(from + " --> " + to)));
        assertEquals(List.of(), hidden, "imports the drawing does not show");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> graph = imports();
        List<String> cycles = new ArrayList<>();
        for (String pkg : graph.keySet()) {
            for (String used : graph.get(pkg)) {
                if (reachable(graph, used).contains(pkg)) {
                    cycles.add(pkg + " ⇄ " + used);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    /** Everything reachable from {@code start} along {@code graph}'s arrows. */
    private static Set<String> reachable(Map<String, Set<String>> graph, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
        while (!queue.isEmpty()) {
            String next = queue.pop();
            if (seen.add(next)) {
                queue.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
