package org.trialstats.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.io.OutputFiles;
import org.trialstats.testing.Cli;

/**
 * The same mistakes and attacks on every command that writes files or folders: an output that is
 * (or resolves to) an input or an input's folder, a folder of unrelated files, an existing file
 * where a folder is needed, the root folder, device targets, unwritable targets and an interrupt.
 * Each must leave every file as it was (or, for devices, write through them) and end with exit code
 * 2 and a message naming the output, never with a stack trace.
 */
class OutputSafetyTest {
  @TempDir Path temp;

  private Path dataset;
  private Path adsl;
  private Path adae;
  private Path studies;
  private Path requests;

  /** A command that writes one file: its arguments for an output path, and its input. */
  private record FileCommand(String name, Function<Path, String[]> args, Path input) {}

  /** A command that writes a folder, with its inputs. */
  private record FolderCommand(String name, Function<Path, String[]> args, List<Path> inputs) {}

  @BeforeEach
  void inputs() throws IOException {
    dataset = Files.createDirectories(temp.resolve("data/anakinra"));
    for (String name :
        List.of("dataset.yaml", "comparisons.yaml", "rates.yaml", "claims.yaml", "approvals.csv")) {
      Files.copy(Path.of("datasets/anakinra").resolve(name), dataset.resolve(name));
    }
    Path adam = Files.createDirectories(temp.resolve("adam"));
    adsl =
        Files.writeString(
            adam.resolve("adsl.csv"),
            "USUBJID,SAFFL,TRT01A,TRTDUR\n1,Y,Placebo,10\n2,Y,Drug,20\n3,Y,Drug,30\n");
    adae =
        Files.writeString(
            adam.resolve("adae.csv"),
            "USUBJID,TRTEMFL,AEBODSYS,AEDECOD\n1,Y,SKIN,RASH\n2,Y,SKIN,ITCH\n");
    studies = Files.copy(Path.of("datasets/bcg/studies.csv"), temp.resolve("studies.csv"));
    requests =
        Files.writeString(
            temp.resolve("requests.csv"),
            "id,measure,method,events1,n1,events2,n2\n1,rd,wald,1,10,2,10\n");
  }

  private List<FileCommand> fileCommands() {
    return List.of(
        new FileCommand(
            "meta --out",
            out ->
                new String[] {
                  "meta", "--input", studies.toString(), "--measure", "rr", "--out", out.toString()
                },
            studies),
        new FileCommand(
            "batch --out",
            out -> new String[] {"batch", "--input", requests.toString(), "--out", out.toString()},
            requests));
  }

  private List<FolderCommand> folderCommands() {
    return List.of(
        new FolderCommand(
            "reproduce",
            out -> new String[] {"reproduce", dataset.toString(), "--out", out.toString()},
            List.of(dataset)),
        new FolderCommand(
            "ae-table",
            out ->
                new String[] {
                  "ae-table",
                  "--adsl",
                  adsl.toString(),
                  "--adae",
                  adae.toString(),
                  "--format",
                  "csv,md",
                  "--out",
                  out.toString()
                },
            List.of(adsl, adae)));
  }

  /** Every regular file under the temporary folder with its bytes. */
  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(temp)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(p, Files.readAllBytes(p));
      }
    }
    return files;
  }

  private void assertRefusedAndNothingChanged(String what, String[] args, String... fragments)
      throws IOException {
    Map<Path, byte[]> before = snapshot();
    Cli.Run run = Cli.run(args);
    assertThat(run.exitCode()).as(what + ": " + run.err()).isEqualTo(2);
    assertThat(run.err()).as(what).contains(fragments).doesNotContain("\tat ");
    Map<Path, byte[]> after = snapshot();
    assertThat(after.keySet()).as(what + ": files").isEqualTo(before.keySet());
    for (Map.Entry<Path, byte[]> file : before.entrySet()) {
      assertThat(after.get(file.getKey()))
          .as(what + ": " + file.getKey())
          .isEqualTo(file.getValue());
    }
    assertNoTemporaryFiles();
  }

  private void assertNoTemporaryFiles() throws IOException {
    try (Stream<Path> all = Files.walk(temp)) {
      assertThat(
              all.map(p -> p.getFileName().toString())
                  .filter(n -> n.startsWith(OutputFiles.TEMPORARY_PREFIX)))
          .isEmpty();
    }
  }

  @Test
  void fileOutputEqualToTheInputIsRefusedHoweverItIsSpelt() throws IOException {
    for (FileCommand command : fileCommands()) {
      Path input = command.input();
      Path link = Files.createSymbolicLink(temp.resolve("link-" + input.getFileName()), input);
      Path dotted = temp.resolve("data/../" + input.getFileName());
      for (Path alias : List.of(input, link, dotted)) {
        assertRefusedAndNothingChanged(
            command.name() + " " + alias, command.args().apply(alias), "is the input");
      }
      Files.delete(link);
    }
  }

  @Test
  void fileOutputThatIsAFolderOrUnderAFileIsRefusedNamingIt() throws IOException {
    Path blocker = Files.writeString(temp.resolve("blocker.txt"), "mine");
    for (FileCommand command : fileCommands()) {
      assertRefusedAndNothingChanged(
          command.name() + " folder", command.args().apply(temp), "is a folder");
      assertRefusedAndNothingChanged(
          command.name() + " root", command.args().apply(Path.of("/")), "is a folder");
      Path underFile = blocker.resolve("out.csv");
      assertRefusedAndNothingChanged(
          command.name() + " under a file",
          command.args().apply(underFile),
          "cannot write " + underFile);
    }
    assertRefusedAndNothingChanged(
        "validate folder", new String[] {"validate", "--out", temp.toString()}, "is a folder");
  }

  @Test
  void folderOutputThatWouldDestroyAnInputOrOtherFilesIsRefused() throws IOException {
    Path unrelated = Files.createDirectories(temp.resolve("mine"));
    Files.writeString(unrelated.resolve("thesis.docx"), "years of work");
    Path regular = Files.writeString(temp.resolve("notes.txt"), "notes");
    for (FolderCommand command : folderCommands()) {
      for (Path input : command.inputs()) {
        Path folder = Files.isDirectory(input) ? input : input.getParent();
        assertRefusedAndNothingChanged(
            command.name() + " = input folder", command.args().apply(folder), "input");
        assertRefusedAndNothingChanged(
            command.name() + " holds the input", command.args().apply(temp), "input");
        Path link = Files.createSymbolicLink(temp.resolve("alias"), folder);
        assertRefusedAndNothingChanged(
            command.name() + " through a link", command.args().apply(link), "input");
        Files.delete(link);
      }
      assertRefusedAndNothingChanged(
          command.name() + " unrelated files",
          command.args().apply(unrelated),
          "holds other files (thesis.docx)");
      assertRefusedAndNothingChanged(
          command.name() + " regular file",
          command.args().apply(regular),
          "is a file, not a folder");
      assertRefusedAndNothingChanged(
          command.name() + " root", command.args().apply(Path.of("/")), "root folder");
      assertRefusedAndNothingChanged(
          command.name() + " device",
          command.args().apply(Path.of("/dev/null")),
          "is a file, not a folder");
    }
  }

  @Test
  void previousOutputIsReplacedAsAWhole() throws IOException {
    for (FolderCommand command : folderCommands()) {
      Path out = temp.resolve("out-" + command.name());
      Cli.Run first = Cli.run(command.args().apply(out));
      assertThat(first.exitCode()).as(first.err()).isZero();
      Map<Path, byte[]> before = snapshot();
      Cli.Run second = Cli.run(command.args().apply(out));
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(snapshot().keySet()).isEqualTo(before.keySet());
    }
    assertNoTemporaryFiles();
  }

  @Test
  void deviceTargetsAreWrittenThroughNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    Path link = Files.createSymbolicLink(temp.resolve("null-link"), devNull);
    for (FileCommand command : fileCommands()) {
      for (Path target : List.of(devNull, link)) {
        Cli.Run run = Cli.run(command.args().apply(target));
        assertThat(run.exitCode()).as(command.name() + " " + target + ": " + run.err()).isZero();
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.isSymbolicLink(link)).isTrue();
      }
    }
    Cli.Run forest =
        Cli.run(
            "meta",
            "--input",
            studies.toString(),
            "--measure",
            "rr",
            "--forest",
            link + ".png",
            "--funnel",
            temp.resolve("funnel.svg").toString());
    assertThat(forest.exitCode()).as(forest.err()).isZero();
    assertNoTemporaryFiles();
    Files.delete(link);
  }

  @Test
  void dashMeansStandardOutput() {
    Cli.Run meta =
        Cli.run(
            "meta",
            "--input",
            studies.toString(),
            "--measure",
            "rr",
            "--out",
            "-",
            "--format",
            "csv");
    assertThat(meta.exitCode()).as(meta.err()).isZero();
    assertThat(meta.out()).startsWith("row,label,").contains("Aronson 1948");
    Cli.Run batch = Cli.run("batch", "--input", requests.toString(), "--out", "-");
    assertThat(batch.exitCode()).as(batch.err()).isZero();
    assertThat(batch.out()).startsWith("id,measure,method,").contains(",ok,");
    assertThat(temp.resolve("-")).doesNotExist();
    assertThat(Path.of("-")).doesNotExist();
  }

  @Test
  void metaCommitsAllItsOutputsOrNone() throws IOException {
    Path blocker = Files.writeString(temp.resolve("blocker"), "x");
    String[] args = {
      "meta",
      "--input",
      studies.toString(),
      "--measure",
      "rr",
      "--forest",
      temp.resolve("forest.png").toString(),
      "--funnel",
      blocker.resolve("funnel.svg").toString(),
      "--out",
      temp.resolve("result.txt").toString()
    };
    assertRefusedAndNothingChanged("meta funnel unwritable", args, "funnel.svg");
    assertThat(temp.resolve("forest.png")).doesNotExist();
    assertRefusedAndNothingChanged(
        "meta same file twice",
        new String[] {
          "meta",
          "--input",
          studies.toString(),
          "--measure",
          "rr",
          "--forest",
          temp.resolve("p.svg").toString(),
          "--funnel",
          temp.resolve("p.svg").toString()
        },
        "given twice");
  }

  @Test
  void readOnlyFolderGivesACleanErrorUnlessTheUserMayWriteAnyway() throws IOException {
    Path locked = Files.createDirectories(temp.resolve("locked"));
    locked.toFile().setWritable(false, false);
    try {
      for (FileCommand command : fileCommands()) {
        Cli.Run run = Cli.run(command.args().apply(locked.resolve("out.txt")));
        if (Files.isWritable(locked)) {
          // root may write anyway: then the output is simply written
          assertThat(run.exitCode()).as(run.err()).isZero();
        } else {
          assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
          assertThat(run.err()).contains("cannot write", "permission denied");
        }
      }
    } finally {
      locked.toFile().setWritable(true, false);
    }
  }

  @Test
  void staleTemporaryFilesOfDeadProcessesAreRemovedByTheNextRun() throws Exception {
    Process finished = new ProcessBuilder(javaLauncher(), "-version").start();
    finished.waitFor(30, TimeUnit.SECONDS);
    long deadPid = finished.pid();
    Path stale =
        Files.writeString(
            temp.resolve(OutputFiles.TEMPORARY_PREFIX + deadPid + "-abc-out.csv"), "half");
    Path staleFolder =
        Files.createDirectories(
            temp.resolve(OutputFiles.TEMPORARY_PREFIX + deadPid + "-def-report"));
    Files.writeString(staleFolder.resolve("results.csv"), "half");
    Cli.Run run =
        Cli.run(
            "batch", "--input", requests.toString(), "--out", temp.resolve("out.csv").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(staleFolder).doesNotExist();
  }

  @Test
  void sigtermDuringBatchLeavesNoTemporaryFileAndNoOutput() throws Exception {
    StringBuilder rows = new StringBuilder("id,measure,method,events1,n1,events2,n2\n");
    for (int i = 0; i < 400_000; i++) {
      rows.append(i).append(",or,mid-p,").append(20 + i % 50).append(",100,30,100\n");
    }
    Path big = Files.writeString(temp.resolve("big.csv"), rows, StandardCharsets.UTF_8);
    Path folder = Files.createDirectories(temp.resolve("sig"));
    Path out = folder.resolve("out.csv");
    List<String> command =
        new ArrayList<>(
            List.of(
                javaLauncher(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.awt.headless=true",
                "org.trialstats.cli.TrialStats",
                "batch",
                "--input",
                big.toString(),
                "--out",
                out.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("sig.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (temporaryFiles(folder).isEmpty()
          && process.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(process.isAlive())
          .as(
              "the batch must still run when its temporary file appears: %s",
              Files.readString(temp.resolve("sig.log")))
          .isTrue();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(temporaryFiles(folder)).isEmpty();
    assertThat(out).doesNotExist();
  }

  private static List<String> temporaryFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(OutputFiles.TEMPORARY_PREFIX))
          .toList();
    }
  }

  private static String javaLauncher() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  void replacedTargetKeepsBeingALinkToTheFileItNamed() throws IOException {
    Path real = Files.writeString(temp.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(temp.resolve("link.csv"), real);
    Cli.Run run = Cli.run("batch", "--input", requests.toString(), "--out", link.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).startsWith("id,measure");
    assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}
