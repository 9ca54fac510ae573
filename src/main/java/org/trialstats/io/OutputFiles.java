package org.trialstats.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes outputs so that a failure never leaves a half-finished file or folder behind: every file
 * is written to a temporary sibling and moved into place; a whole report folder is built in a
 * staging folder and swapped in only when complete; the outputs of one command are committed
 * together or not at all ({@link Group}).
 *
 * <p>Temporary files and folders are named {@code .trialstats-tmp-<pid>-<random>-<name>}. They are
 * removed when the write fails, by a shutdown hook when the process is stopped (SIGTERM, SIGINT,
 * {@code System.exit}), and, should the process have been killed outright, by the next write into
 * the same folder, which removes the temporary files of processes that no longer run.
 *
 * <p>A target that exists and is not a regular file or folder (a device such as {@code
 * /dev/stdout}, a named pipe) is written directly, never replaced by a move.
 */
public final class OutputFiles {
  /** The start of every temporary name. */
  public static final String TEMPORARY_PREFIX = ".trialstats-tmp-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long PID = ProcessHandle.current().pid();

  /** Temporary files and folders of this process, removed by the shutdown hook. */
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  /** Folders moved aside during a swap (aside name to target), put back by the shutdown hook. */
  private static final Map<Path, Path> ASIDE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(OutputFiles::cleanUp, "trialstats-cleanup"));
  }

  private OutputFiles() {}

  /** Something that writes bytes to a stream. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Fills a staging folder. */
  @FunctionalInterface
  public interface FolderWriter {
    void write(Path folder) throws IOException;
  }

  /**
   * Writes {@code target} atomically: temporary file in the same folder, then a move (or directly
   * when the target is a device or pipe).
   *
   * @throws OutputException naming the target when it cannot be written
   */
  public static void write(Path target, Writer writer) throws IOException {
    try (Group group = new Group()) {
      group.add(target, writer);
      group.commit();
    }
  }

  /** Writes UTF-8 text atomically. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes bytes atomically. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * The outputs of one command, committed together: each {@link #add added} file is written to a
   * temporary sibling at once; {@link #commit} then writes the device targets and moves every
   * temporary file into place. A failure before the moves leaves none of the targets changed;
   * {@link #close} removes whatever temporary file is left.
   */
  public static final class Group implements AutoCloseable {
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();
    private final List<Path> devices = new ArrayList<>();
    private final List<Writer> deviceWriters = new ArrayList<>();

    /** An empty group. */
    public Group() {}

    /**
     * Writes one output to its temporary file (a device target: remembers the writer).
     *
     * @throws OutputException naming the target when it cannot be written
     */
    public void add(Path target, Writer writer) throws IOException {
      Path absolute = target.toAbsolutePath().normalize();
      // A symbolic link stays a link: the file it points to is the one replaced.
      Path real = OutputTarget.resolve(absolute);
      if (isDevice(absolute) || isDevice(real)) {
        devices.add(target);
        deviceWriters.add(writer);
        return;
      }
      Path dir = real.getParent();
      if (dir == null || Files.isDirectory(real)) {
        throw new OutputException("cannot write " + target + ": it is a folder");
      }
      Path tmp = null;
      try {
        Files.createDirectories(dir);
        removeStale(dir);
        tmp = dir.resolve(temporaryName(real));
        LIVE.add(tmp);
        temporaries.add(tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
          writer.write(out);
        }
      } catch (IOException e) {
        throw OutputException.cannotWrite(target, e);
      }
      targets.add(real);
    }

    /**
     * Writes the device targets, then moves every temporary file into place.
     *
     * @throws OutputException naming the target that could not be written
     */
    public void commit() throws IOException {
      for (int i = 0; i < devices.size(); i++) {
        Path device = devices.get(i);
        try (OutputStream out = Files.newOutputStream(device, StandardOpenOption.WRITE)) {
          deviceWriters.get(i).write(out);
        } catch (IOException e) {
          throw OutputException.cannotWrite(device, e);
        }
      }
      for (int i = 0; i < targets.size(); i++) {
        try {
          move(temporaries.get(i), targets.get(i));
        } catch (IOException e) {
          throw OutputException.cannotWrite(targets.get(i), e);
        }
        LIVE.remove(temporaries.get(i));
      }
      temporaries.clear();
      targets.clear();
    }

    /** Removes the temporary files that were not committed. */
    @Override
    public void close() {
      for (Path tmp : temporaries) {
        deleteQuietly(tmp);
        LIVE.remove(tmp);
      }
      temporaries.clear();
    }
  }

  /**
   * Whether a path is written directly rather than replaced: a device or named pipe, or anything
   * under {@code /dev} or {@code /proc} ({@code /dev/stdout} is a link to whatever standard output
   * is, a regular file included, and must stay a link).
   */
  private static boolean isDevice(Path path) {
    if (path.startsWith("/dev") || path.startsWith("/proc")) {
      return true;
    }
    return Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path);
  }

  /**
   * Builds a whole output folder: {@code content} writes into a fresh staging folder next to {@code
   * target}; only when it returns normally does the staging folder replace {@code target}. On
   * failure the staging folder is deleted and {@code target} is left as it was. Callers check the
   * target first with {@link OutputTarget#checkFolder}.
   *
   * @throws OutputException naming the target when it cannot be written
   */
  public static void replaceFolder(Path target, FolderWriter content) throws IOException {
    Path absolute = OutputTarget.resolve(target);
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new OutputException("cannot write " + target + ": it is the root folder");
    }
    Path staging = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      removeStale(parent);
      staging = parent.resolve(temporaryName(absolute));
      LIVE.add(staging);
      Files.createDirectory(staging);
      content.write(staging);
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        old = parent.resolve(temporaryName(absolute));
        LIVE.add(old);
        ASIDE.put(old, absolute);
        move(absolute, old);
      }
      move(staging, absolute);
      if (old != null) {
        ASIDE.remove(old);
      }
    } catch (IOException e) {
      old = putBack(old, absolute);
      throw OutputException.cannotWrite(target, e);
    } catch (RuntimeException e) {
      old = putBack(old, absolute);
      throw e;
    } finally {
      for (Path tmp : new Path[] {staging, old}) {
        if (tmp != null) {
          deleteQuietly(tmp);
          LIVE.remove(tmp);
          ASIDE.remove(tmp);
        }
      }
    }
  }

  /** Moves a previous output back where it was, if it was moved aside; returns null then. */
  private static Path putBack(Path old, Path target) throws IOException {
    if (old != null
        && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
      move(old, target);
      ASIDE.remove(old);
      LIVE.remove(old);
      return null;
    }
    return old;
  }

  /**
   * A hidden sibling name for temporary output, recognisable by its prefix and process id.
   * Files.createTempFile is not used because it creates owner-only permissions, which the finished
   * output would keep.
   */
  private static String temporaryName(Path target) {
    return TEMPORARY_PREFIX
        + PID
        + "-"
        + Long.toUnsignedString(RANDOM.nextLong(), 36)
        + "-"
        + target.getFileName();
  }

  /** Removes the temporary files and folders in {@code dir} of processes that no longer run. */
  private static void removeStale(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, TEMPORARY_PREFIX + "*")) {
      for (Path entry : entries) {
        String rest = entry.getFileName().toString().substring(TEMPORARY_PREFIX.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, Math.max(dash, 0)));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
          deleteQuietly(entry);
        }
      }
    } catch (IOException e) {
      // Cleaning up after another process is a courtesy: the write itself goes on.
    }
  }

  /** The shutdown hook: puts folders moved aside back and removes temporary files. */
  private static void cleanUp() {
    for (Map.Entry<Path, Path> aside : ASIDE.entrySet()) {
      try {
        if (!Files.exists(aside.getValue(), LinkOption.NOFOLLOW_LINKS)) {
          move(aside.getKey(), aside.getValue());
          LIVE.remove(aside.getKey());
        }
      } catch (IOException e) {
        // leave it: the folder is still there under its temporary name
        LIVE.remove(aside.getKey());
      }
    }
    for (Path tmp : LIVE) {
      deleteQuietly(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a file, or a folder and everything in it, if it exists; errors are ignored. */
  private static void deleteQuietly(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort: a file that cannot be deleted stays, and a later run removes it
    }
  }
}
