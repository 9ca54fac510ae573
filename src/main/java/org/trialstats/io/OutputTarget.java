package org.trialstats.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one rule every command follows before it writes a file or a folder, so that no user's file is
 * ever destroyed by a mistyped option:
 *
 * <ul>
 *   <li>an output that is, or resolves to (through symbolic links, {@code ..} or another spelling),
 *       one of the command's inputs, the folder of an input or, for a folder output, a folder that
 *       holds an input, is refused;
 *   <li>a folder output that exists must be empty or hold only files the same command writes (a
 *       previous output, which is replaced as a whole); an existing regular file where a folder is
 *       asked for is refused, and so is the root folder;
 *   <li>a file output that is an existing folder is refused; an existing non-regular file (a device
 *       such as {@code /dev/stdout} or {@code /dev/null}, a named pipe) is written directly and
 *       never replaced ({@link OutputFiles} does that);
 *   <li>the same path given for two outputs of one command is refused.
 * </ul>
 *
 * <p>Every refusal is an {@link OutputException} naming the output, the conflicting input or files,
 * and what to do instead.
 */
public final class OutputTarget {
  /** The output name that means standard output where a command offers a single output file. */
  public static final String STANDARD_OUTPUT = "-";

  private OutputTarget() {}

  /** Whether {@code path} is {@code -}, standard output. */
  public static boolean isStandardOutput(Path path) {
    return path != null && path.toString().equals(STANDARD_OUTPUT);
  }

  /**
   * Checks the file outputs of one command against its inputs and each other.
   *
   * @param outputs the output files (null entries, absent options, and {@code -} are skipped)
   * @param inputs the input files and folders of the command
   * @throws OutputException if an output is refused
   */
  public static void checkFiles(Collection<Path> outputs, Collection<Path> inputs)
      throws OutputException {
    Set<Path> seen = new HashSet<>();
    for (Path output : outputs) {
      if (output == null || isStandardOutput(output)) {
        continue;
      }
      Path real = resolve(output);
      if (!seen.add(real)) {
        throw new OutputException(
            "output " + output + " is given twice; give each output its own file");
      }
      if (Files.isDirectory(real)) {
        throw new OutputException(
            "output " + output + " is a folder; give the name of a file to write");
      }
      for (Path input : inputs) {
        Path realInput = resolve(input);
        if (real.equals(realInput)) {
          throw new OutputException(
              "output "
                  + output
                  + " is the input "
                  + input
                  + "; writing it would destroy the input: choose another output file");
        }
      }
    }
  }

  /**
   * Checks a folder output that the command replaces as a whole.
   *
   * @param folder the output folder
   * @param inputs the input files and folders of the command
   * @param command the command's name, for the message
   * @param ownFile whether a file name is one the command writes into this folder; a folder that
   *     holds only such files is a previous output of the command and may be replaced
   * @throws OutputException if the folder is refused
   */
  public static void checkFolder(
      Path folder, Collection<Path> inputs, String command, Predicate<String> ownFile)
      throws OutputException {
    Path real = resolve(folder);
    if (real.getParent() == null) {
      throw new OutputException(
          "output folder "
              + folder
              + " is the root folder; "
              + command
              + " replaces its output folder as a whole: choose a new or empty folder");
    }
    if (Files.exists(real) && !Files.isDirectory(real)) {
      throw new OutputException(
          "output folder "
              + folder
              + " is a file, not a folder; "
              + command
              + " writes a folder of files: choose a new or empty folder");
    }
    for (Path input : inputs) {
      Path realInput = resolve(input);
      boolean holdsInput = realInput.startsWith(real);
      boolean insideInputFolder = Files.isDirectory(realInput) && real.startsWith(realInput);
      if (holdsInput || insideInputFolder) {
        throw new OutputException(
            "output folder "
                + folder
                + (holdsInput ? " holds the input " : " is inside the input folder ")
                + input
                + "; "
                + command
                + " replaces its output folder as a whole, which would destroy the"
                + " input: choose a folder elsewhere");
      }
    }
    if (Files.isDirectory(real)) {
      List<String> foreign = new ArrayList<>();
      try (Stream<Path> entries = Files.list(real)) {
        entries
            .map(p -> p.getFileName().toString())
            .filter(
                name ->
                    !ownFile.test(name)
                        || !Files.isRegularFile(real.resolve(name), LinkOption.NOFOLLOW_LINKS))
            .sorted()
            .forEach(foreign::add);
      } catch (IOException e) {
        throw OutputException.cannotWrite(folder, e);
      }
      if (!foreign.isEmpty()) {
        throw new OutputException(
            "output folder "
                + folder
                + " holds other files ("
                + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                + (foreign.size() > 3 ? ", ..." : "")
                + "); "
                + command
                + " replaces the whole"
                + " folder, so choose a new or empty one");
      }
    }
  }

  /**
   * The path as the file system will resolve it: symbolic links followed and {@code ..} removed for
   * the part that exists, the rest appended.
   */
  static Path resolve(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    Path rest = null;
    while (existing != null) {
      try {
        Path real = existing.toRealPath();
        return rest == null ? real : real.resolve(rest).normalize();
      } catch (IOException e) {
        Path name = existing.getFileName();
        if (name == null) {
          return absolute;
        }
        rest = rest == null ? name : name.resolve(rest);
        existing = existing.getParent();
      }
    }
    return absolute;
  }
}
