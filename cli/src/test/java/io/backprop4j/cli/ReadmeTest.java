package io.backprop4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README is for users: short, free of development history, and every Java block in it compiles. */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    /** What a user's file would import; each README block is compiled as the body of one method. */
    private static final String IMPORTS = """
            import io.backprop4j.core.*;
            import io.backprop4j.core.data.*;
            import io.backprop4j.layers.*;
            import io.backprop4j.layers.activations.*;
            import io.backprop4j.layers.conv.*;
            import io.backprop4j.layers.io.*;
            import io.backprop4j.layers.losses.*;
            import io.backprop4j.layers.models.*;
            import io.backprop4j.optim.*;
            import io.backprop4j.optim.callbacks.*;
            import io.backprop4j.optim.transforms.*;
            import io.backprop4j.optim.schedules.*;
            import java.nio.file.*;
            import java.util.*;
            import org.nd4j.linalg.api.buffer.DataType;
            import org.nd4j.linalg.api.ndarray.INDArray;
            import org.nd4j.linalg.factory.Nd4j;
            import org.nd4j.linalg.indexing.NDArrayIndex;
            """;

    @Test
    void isShortAndNamesNoDevelopmentHistory() throws Exception {
        List<String> lines = Files.readAllLines(README);
        assertTrue(lines.size() <= 300, "README.md has " + lines.size() + " lines");
        Pattern history = Pattern.compile("(?i)session [0-9]|issue [0-9]|\\.\\./shared|\\bSPEC\\b");
        for (String line : lines) {
            assertFalse(history.matcher(line).find(), line);
        }
    }

    @Test
    void everyJavaBlockCompiles(@TempDir Path directory) throws Exception {
        List<String> blocks = javaBlocks(Files.readString(README));
        assertTrue(blocks.size() >= 2, "the README's Java blocks");
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path source = directory.resolve("ReadmeBlock" + i + ".java");
            Files.writeString(source, IMPORTS + "\nclass ReadmeBlock" + i + " {\n    void run() throws Exception {\n"
                    + blocks.get(i) + "\n    }\n}\n");
            sources.add(source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean compiled = compiler.getTask(errors, files, null, List.of("-proc:none", "-d",
                    directory.toString(), "-cp", System.getProperty("java.class.path")), null, units).call();
            assertTrue(compiled, errors.toString());
        }
        assertEquals("", errors.toString());
    }

    private static List<String> javaBlocks(String markdown) {
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
