package org.praxis.persistence.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.praxis.application.curriculum.port.out.ContentFolders.FileContent;

class FileContentFoldersTest {
    private final FileContentFolders folders = new FileContentFolders();

    @TempDir
    Path dir;

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void yamlIsParsedExactlyAndTextIsNormalised() throws IOException {
        write("topics.yaml", "topics:\n  - slug: a\n    xp: {multiplierFull: 1.00, maxXp: 10}\n");
        write("problems/p/statement.md", "\uFEFFLine one\r\nLine two\r\n\r\n");
        write("problems/p/image.png", "not read");
        write(".hidden/topics.yaml", "broken: [");

        var folder = folders.read(dir.toString());

        assertEquals(List.of("problems/p/image.png", "problems/p/statement.md", "topics.yaml"), List.copyOf(folder.files().keySet()));
        var topics = (Map<?, ?>) assertInstanceOf(FileContent.Yaml.class, folder.files().get("topics.yaml")).tree();
        var xp = (Map<?, ?>) ((Map<?, ?>) ((List<?>) topics.get("topics")).get(0)).get("xp");
        assertEquals(new BigDecimal("1.00"), xp.get("multiplierFull"));
        assertEquals(10, xp.get("maxXp"));
        assertEquals(new FileContent.Text("Line one\nLine two"), folder.files().get("problems/p/statement.md"));
        assertInstanceOf(FileContent.Other.class, folder.files().get("problems/p/image.png"));
    }

    @Test
    void brokenYamlDuplicateKeysAndBadEncodingAreUnreadableWithTheReason() throws IOException {
        write("a.yaml", "title: one\ntitle: two\n");
        write("b.yaml", "list: [1, 2\n");
        write("empty.yaml", "# nothing here\n");
        Files.write(dir.resolve("c.md"), new byte[] {(byte) 0xC3, (byte) 0x28});

        var files = folders.read(dir.toString()).files();

        var duplicate = assertInstanceOf(FileContent.Unreadable.class, files.get("a.yaml")).reason();
        assertTrue(duplicate.startsWith("is not valid YAML: line 2, column ") && duplicate.contains("Duplicate field 'title'"), duplicate);
        var syntax = assertInstanceOf(FileContent.Unreadable.class, files.get("b.yaml")).reason();
        assertTrue(syntax.matches("is not valid YAML: line \\d+, column \\d+: .+"), syntax);
        assertNull(assertInstanceOf(FileContent.Yaml.class, files.get("empty.yaml")).tree());
        assertEquals(new FileContent.Unreadable("is not UTF-8 text"), files.get("c.md"));
    }

    @Test
    void aMissingFolderIsOneUnreadableEntry() {
        var folder = folders.read(dir.resolve("nope").toString());
        assertEquals(Map.of(".", new FileContent.Unreadable("is not a folder")), folder.files());
    }

    @Test
    void aFolderShippedInAJarIsReadFromTheClassPath() throws Exception {
        Path jar = dir.resolve("content.jar");
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("shipped/"));
            zip.putNextEntry(new JarEntry("shipped/topics.yaml"));
            zip.write("topics: []\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new JarEntry("shipped/problems/p/statement.md"));
            zip.write("Hello".getBytes(StandardCharsets.UTF_8));
        }
        var previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, FileContentFolders.class.getClassLoader())) {
            var folder = new FileContentFolders(loader).read("classpath:shipped");
            assertEquals(List.of("problems/p/statement.md", "topics.yaml"), List.copyOf(folder.files().keySet()));
            assertEquals(new FileContent.Text("Hello"), folder.files().get("problems/p/statement.md"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(Map.of(".", new FileContent.Unreadable("is not on the class path")), folders.read("classpath:no-such-folder").files());
        assertTrue(folders.read("classpath:content/valid").files().containsKey("topics.yaml"), "a folder on the class path as files");
    }
}
