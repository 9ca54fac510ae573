package org.trialstats.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output that was refused (it would overwrite an input or a folder of other files) or could not
 * be written (read-only folder, full disk, a file where a folder is needed). The message names the
 * output and says why; nothing of the command's outputs was left behind. The command line reports
 * it as invalid input or arguments (exit code 2), without a stack trace.
 */
public class OutputException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * An output error.
   *
   * @param message what is wrong, naming the output
   */
  public OutputException(String message) {
    super(message);
  }

  /**
   * An output that could not be written.
   *
   * @param target the output file or folder
   * @param cause the file-system error
   * @return an exception whose message names {@code target} and the cause in words
   */
  public static OutputException cannotWrite(Path target, IOException cause) {
    if (cause instanceof OutputException output) {
      return output;
    }
    OutputException e = new OutputException("cannot write " + target + ": " + reason(cause));
    e.initCause(cause);
    return e;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied" + (denied.getFile() == null ? "" : " (" + denied.getFile() + ")");
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return "a file is in the way of a folder that is needed (" + exists.getFile() + ")";
    }
    if (e instanceof NotDirectoryException notDirectory) {
      return notDirectory.getFile() + " is not a folder";
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such folder (" + missing.getFile() + ")";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
