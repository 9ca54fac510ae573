package org.trialstats.adam;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trialstats.io.Utf8Text;

/**
 * Streaming reader for SAS transport files, version 5 (the XPORT engine format that regulators
 * require for submissions), as specified in SAS technical note TS-140, "The record layout of a data
 * set in SAS transport (XPORT) format".
 *
 * <p>A file is a sequence of 80-byte records: the library header (3 records), then for each member
 * (data set) a member header (4 records), a NAMESTR header, one 140-byte NAMESTR record per
 * variable (136 bytes on VAX/VMS) packed and blank-padded to a multiple of 80, an OBS header, and
 * the observations packed one after another, blank-padded at the end to a multiple of 80; a file
 * whose size is not a multiple of 80 bytes is rejected as truncated. Numbers are IBM hexadecimal
 * floats ({@link IbmFloat}); the 28 missing values are {@link SasMissing}. Character values are
 * returned without their trailing blanks and decoded as UTF-8 when the bytes are valid UTF-8,
 * otherwise as ISO-8859-1, unless a charset is given.
 *
 * <p>Observations are read one at a time: memory use is one observation plus an 80-byte look-ahead
 * record. Every size read from a header is checked against the file's actual size before anything
 * is allocated, so a truncated, hostile or non-transport file fails with an {@link
 * AdamDataException} naming the file and byte offset, never with an OutOfMemoryError or an endless
 * loop.
 *
 * <p>Known limitation of the format itself: the blank padding after the last observation cannot be
 * told apart from observations that consist only of blanks (possible only when every variable is
 * character). Such trailing observations that begin in the member's last 80-byte record are taken
 * as padding, as SAS's own XPORT engine and other readers do.
 */
public final class XportReader implements DatasetReader {
  static final int CARD_LENGTH = 80;
  private static final String HEADER = "HEADER RECORD*******";
  private static final String LIBRARY = HEADER + "LIBRARY HEADER RECORD!!!!!!!";
  private static final String MEMBER = HEADER + "MEMBER  HEADER RECORD!!!!!!!";
  private static final String MEMBER_ANY_VERSION = HEADER + "MEMB";
  private static final String DESCRIPTOR = HEADER + "DSCRPTR HEADER RECORD!!!!!!!";
  private static final String NAMESTR = HEADER + "NAMESTR HEADER RECORD!!!!!!!";
  private static final String OBS = HEADER + "OBS     HEADER RECORD!!!!!!!";
  // Every data record is tested for a header: comparing bytes avoids a String per 80 bytes.
  private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] MEMBER_ANY_VERSION_BYTES =
      MEMBER_ANY_VERSION.getBytes(StandardCharsets.ISO_8859_1);
  private static final int MAX_NUMERIC_LENGTH = 8;
  private static final int MIN_NUMERIC_LENGTH = 2;

  /** What follows the current data record. */
  private enum Next {
    DATA,
    MEMBER_HEADER,
    END_OF_FILE
  }

  private final String fileName;
  private final long fileSize;
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int bufferPosition;
  private int bufferLimit;
  private final Charset charset;
  private final XportLibrary library;
  private long offset;

  private XportMember member;
  private byte[] memberHeader;
  private byte[] record = new byte[CARD_LENGTH];
  private int recordLength;
  private int recordPosition;
  private long recordStart;
  private byte[] lookahead = new byte[CARD_LENGTH];
  private int lookaheadLength;
  private Next next = Next.END_OF_FILE;
  private boolean membersExhausted;
  private boolean dataEnded = true;
  private byte[] observation;
  private long observationNumber;
  private boolean hasObservation;
  private TextCache[] textCaches;

  private XportReader(Path file, Charset charset) throws IOException {
    this.fileName = file.getFileName().toString();
    this.fileSize = Files.size(file);
    this.charset = charset;
    this.in = Files.newInputStream(file);
    try {
      this.library = readLibraryHeader();
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Opens a transport file and reads its library header; call {@link #nextMember()} to position on
   * the first data set. Character values are decoded as UTF-8 where valid, else ISO-8859-1.
   *
   * @throws AdamDataException if the file is not a version 5 transport file
   */
  public static XportReader open(Path file) throws IOException {
    return new XportReader(file, null);
  }

  /** As {@link #open(Path)}, decoding character values and labels with {@code charset}. */
  public static XportReader open(Path file, Charset charset) throws IOException {
    return new XportReader(file, charset);
  }

  /** The library header. */
  public XportLibrary library() {
    return library;
  }

  /** The current member, or {@code null} before the first call to {@link #nextMember()}. */
  public XportMember member() {
    return member;
  }

  /**
   * Skips the rest of the current member and reads the next member's headers.
   *
   * @return the member, or empty at the end of the file
   */
  public Optional<XportMember> nextMember() throws IOException {
    if (membersExhausted) {
      return Optional.empty();
    }
    if (member != null) {
      skipRestOfMember();
    }
    byte[] header = memberHeader;
    memberHeader = null;
    if (header == null) {
      header = new byte[CARD_LENGTH];
      int read = readBytes(header, 0, CARD_LENGTH);
      offset += read;
      if (read == 0) {
        membersExhausted = true;
        return Optional.empty();
      }
      if (read < CARD_LENGTH) {
        throw corrupt(offset - read, "the file ends inside a header record (truncated file)");
      }
    }
    member = readMemberHeaders(header);
    textCaches = null;
    observation = null;
    observationNumber = 0;
    hasObservation = false;
    startData();
    return Optional.of(member);
  }

  @Override
  public String name() {
    return requireMember().name();
  }

  @Override
  public String source() {
    return fileName;
  }

  @Override
  public List<DatasetVariable> variables() {
    return requireMember().variables();
  }

  @Override
  public boolean next() throws IOException {
    requireMember();
    hasObservation = false;
    if (dataEnded) {
      return false;
    }
    int length = member.observationLength();
    if (recordPosition == recordLength && !advanceRecord()) {
      return endData();
    }
    boolean startsInLastRecord = next != Next.DATA;
    long start = recordStart + recordPosition;
    if (observation == null) {
      if (length == 0 || length > fileSize - start) {
        // No complete observation fits in the rest of the file: what is left must be padding.
        return endDataExpectingPadding(start);
      }
      observation = new byte[length];
    }
    int filled = 0;
    while (filled < length) {
      if (recordPosition == recordLength && !advanceRecord()) {
        break;
      }
      int n = Math.min(length - filled, recordLength - recordPosition);
      System.arraycopy(record, recordPosition, observation, filled, n);
      recordPosition += n;
      filled += n;
    }
    if (filled < length) {
      if (isBlank(observation, 0, filled)) {
        return endData();
      }
      throw corrupt(
          start,
          "data set "
              + member.name()
              + " ends inside observation "
              + (observationNumber + 1)
              + " ("
              + filled
              + " of "
              + length
              + " bytes): the file is truncated or corrupt");
    }
    if (startsInLastRecord
        && isBlank(observation, 0, length)
        && isBlank(record, recordPosition, recordLength)) {
      return endData();
    }
    observationNumber++;
    hasObservation = true;
    return true;
  }

  /** The number of the current observation, 1-based (0 before the first). */
  public long observationNumber() {
    return observationNumber;
  }

  @Override
  public String text(int index) {
    DatasetVariable v = currentVariable(index);
    if (v.type() == VariableType.NUMERIC) {
      return SasValues.numberText(number(index));
    }
    int end = v.offset() + v.length();
    while (end > v.offset() && (observation[end - 1] == ' ' || observation[end - 1] == 0)) {
      end--;
    }
    return decode(observation, v.offset(), end - v.offset());
  }

  /**
   * As {@link #text(int)}, but a value whose bytes were seen before in the same variable of the
   * current member is returned as the same String instance, without decoding or allocation. Up to
   * {@value TextCache#MAX_ENTRIES} distinct values per variable are kept; further values are
   * decoded afresh (correct, only slower).
   */
  @Override
  public String sharedText(int index) {
    DatasetVariable v = currentVariable(index);
    if (v.type() == VariableType.NUMERIC) {
      return text(index);
    }
    if (textCaches == null) {
      textCaches = new TextCache[member.variables().size()];
    }
    TextCache cache = textCaches[index];
    if (cache == null) {
      cache = new TextCache();
      textCaches[index] = cache;
    }
    return cache.get(observation, v.offset(), v.length());
  }

  /**
   * Distinct values of one character variable by the bytes of the whole fixed-width field (trailing
   * blanks included, so a value found needs no scan for its end): open addressing with linear
   * probing over a power-of-two table, at most half full.
   */
  private final class TextCache {
    static final int MAX_ENTRIES = 1 << 18;
    private static final VarHandle LONGS =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int size;
    // The previous value: sorted data repeat a value over consecutive observations.
    private byte[] lastKey;
    private String lastValue;

    String get(byte[] bytes, int from, int length) {
      if (lastKey != null && Arrays.equals(lastKey, 0, length, bytes, from, from + length)) {
        return lastValue;
      }
      int mask = keys.length - 1;
      for (int slot = hash(bytes, from, length) & mask; ; slot = (slot + 1) & mask) {
        byte[] key = keys[slot];
        if (key == null) {
          int end = from + length;
          while (end > from && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
          }
          String value = decode(bytes, from, end - from);
          if (size < MAX_ENTRIES) {
            keys[slot] = Arrays.copyOfRange(bytes, from, from + length);
            values[slot] = value;
            lastKey = keys[slot];
            lastValue = value;
            if (++size * 2 > keys.length) {
              grow();
            }
          }
          return value;
        }
        if (Arrays.equals(key, 0, length, bytes, from, from + length)) {
          lastKey = key;
          lastValue = values[slot];
          return lastValue;
        }
      }
    }

    /** Multiplicative hash of the field, eight bytes at a time. */
    private static int hash(byte[] bytes, int from, int length) {
      long hash = length;
      int i = from;
      for (; i + 8 <= from + length; i += 8) {
        hash = (hash + (long) LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L;
      }
      for (; i < from + length; i++) {
        hash = (hash + bytes[i]) * 0x9E3779B97F4A7C15L;
      }
      return (int) (hash ^ (hash >>> 32));
    }

    private void grow() {
      byte[][] oldKeys = keys;
      String[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new String[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        byte[] key = oldKeys[i];
        if (key == null) {
          continue;
        }
        int slot = hash(key, 0, key.length) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = oldValues[i];
      }
    }
  }

  @Override
  public double number(int index) {
    DatasetVariable v = currentVariable(index);
    if (v.type() == VariableType.CHARACTER) {
      return SasValues.parseNumber(text(index), position() + ", variable " + v.name());
    }
    if (IbmFloat.missing(observation, v.offset(), v.length()) != null) {
      return Double.NaN;
    }
    return IbmFloat.toDouble(IbmFloat.bits(observation, v.offset(), v.length()));
  }

  /**
   * Which of the 28 SAS missing values a numeric variable holds in the current observation.
   *
   * @return the missing value, or empty if the value is a number (or the variable is character)
   */
  public Optional<SasMissing> missing(int index) {
    DatasetVariable v = currentVariable(index);
    if (v.type() == VariableType.CHARACTER) {
      return Optional.empty();
    }
    return Optional.ofNullable(IbmFloat.missing(observation, v.offset(), v.length()));
  }

  @Override
  public String position() {
    return fileName + ", data set " + requireMember().name() + ", observation " + observationNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ---------------------------------------------------------------- headers

  private XportLibrary readLibraryHeader() throws IOException {
    byte[] first = new byte[CARD_LENGTH];
    int read = readBytes(first, 0, CARD_LENGTH);
    offset += read;
    String text = ascii(first, 0, read);
    if (text.startsWith("**COMPRESSED**")) {
      throw new AdamDataException(
          fileName
              + ": this is a SAS CPORT file (PROC CPORT), not a transport file; recreate it with"
              + " the XPORT engine (LIBNAME out XPORT 'file.xpt'; PROC COPY) or export CSV");
    }
    if (text.startsWith(HEADER + "LIBV8")) {
      throw new AdamDataException(
          fileName
              + ": this is a SAS transport version 8/9 file (LIBV8 header); only version 5, the"
              + " format required for regulatory submissions, is supported: write it with the"
              + " XPORT engine or %LOC2XPT(FORMAT=V5)");
    }
    if (read < CARD_LENGTH || !text.startsWith(LIBRARY)) {
      throw new AdamDataException(
          fileName
              + ": not a SAS transport (XPORT version 5) file: it must start with the record '"
              + LIBRARY
              + "'");
    }
    if (fileSize % CARD_LENGTH != 0) {
      throw new AdamDataException(
          fileName
              + ": the file size, "
              + fileSize
              + " bytes, is not a multiple of the 80-byte transport record: the file is"
              + " truncated or was altered (for example by a text-mode transfer)");
    }
    byte[] second = readHeaderRecord("the first library header record");
    if (!ascii(second, 0, 24).equals("SAS     SAS     SASLIB  ")) {
      throw corrupt(offset - CARD_LENGTH, "the library header record does not start with 'SAS'");
    }
    byte[] third = readHeaderRecord("the second library header record");
    return new XportLibrary(
        field(second, 24, 32), field(second, 32, 40), field(second, 64, 80), field(third, 0, 16));
  }

  private XportMember readMemberHeaders(byte[] header) throws IOException {
    long headerOffset = offset - CARD_LENGTH;
    String text = ascii(header, 0, CARD_LENGTH);
    if (text.startsWith(HEADER + "MEMBV8")) {
      throw new AdamDataException(
          fileName
              + ": member header at byte "
              + headerOffset
              + " is in transport version 8/9"
              + " format; only version 5 is supported");
    }
    if (!text.startsWith(MEMBER)) {
      throw corrupt(headerOffset, "expected the member header record '" + MEMBER + "'");
    }
    int namestrLength = digits(header, 74, 78, headerOffset, "NAMESTR record length");
    if (namestrLength != 140 && namestrLength != 136) {
      throw corrupt(
          headerOffset,
          "NAMESTR record length must be 140 (or 136 on VAX/VMS), got " + namestrLength);
    }
    expectHeader(readHeaderRecord("the member descriptor header"), DESCRIPTOR);
    byte[] first = readHeaderRecord("the member header data");
    if (!ascii(first, 0, 8).equals("SAS     ")) {
      throw corrupt(offset - CARD_LENGTH, "the member header data do not start with 'SAS'");
    }
    byte[] second = readHeaderRecord("the second member header data");
    byte[] namestrHeader = readHeaderRecord("the NAMESTR header");
    expectHeader(namestrHeader, NAMESTR);
    int count = digits(namestrHeader, 54, 58, offset - CARD_LENGTH, "number of variables");
    long descriptorBytes = (long) count * namestrLength;
    long padding = (CARD_LENGTH - descriptorBytes % CARD_LENGTH) % CARD_LENGTH;
    if (descriptorBytes + padding + CARD_LENGTH > fileSize - offset) {
      throw corrupt(
          offset - CARD_LENGTH,
          "the header announces "
              + count
              + " variables ("
              + descriptorBytes
              + " bytes of NAMESTR records) but only "
              + (fileSize - offset)
              + " bytes are left in the file");
    }
    List<DatasetVariable> variables = new ArrayList<>(count);
    Set<String> names = new HashSet<>();
    byte[] namestr = new byte[namestrLength];
    long observationLength = 0;
    for (int i = 0; i < count; i++) {
      long at = offset;
      readFully(namestr, "NAMESTR record " + (i + 1));
      DatasetVariable v = namestrRecord(namestr, i + 1, at);
      if (!names.add(v.name().toUpperCase(Locale.ROOT))) {
        throw corrupt(at, "variable name " + v.name() + " occurs twice");
      }
      variables.add(v);
      observationLength += v.length();
    }
    skipFully(padding, "the padding after the NAMESTR records");
    for (DatasetVariable v : variables) {
      if ((long) v.offset() + v.length() > observationLength) {
        throw corrupt(
            -1,
            "variable "
                + v.name()
                + " lies at bytes "
                + v.offset()
                + "-"
                + (v.offset() + v.length())
                + " outside the "
                + observationLength
                + "-byte observation");
      }
    }
    expectHeader(readHeaderRecord("the OBS header"), OBS);
    return new XportMember(
        field(first, 8, 16),
        decodeField(second, 32, 72),
        field(second, 72, 80),
        field(first, 24, 32),
        field(first, 32, 40),
        field(first, 64, 80),
        field(second, 0, 16),
        variables,
        (int) observationLength);
  }

  private DatasetVariable namestrRecord(byte[] r, int number, long at) {
    int type = shortAt(r, 0);
    int length = shortAt(r, 4);
    String name = field(r, 8, 16);
    String what = "NAMESTR record " + number + (name.isEmpty() ? "" : " (" + name + ")");
    if (name.isEmpty()) {
      throw corrupt(at, what + " has an empty variable name");
    }
    VariableType variableType;
    if (type == 1) {
      variableType = VariableType.NUMERIC;
      if (length < MIN_NUMERIC_LENGTH || length > MAX_NUMERIC_LENGTH) {
        throw corrupt(at, what + ": numeric length must be 2 to 8 bytes, got " + length);
      }
    } else if (type == 2) {
      variableType = VariableType.CHARACTER;
      if (length < 1) {
        throw corrupt(at, what + ": character length must be positive, got " + length);
      }
    } else {
      throw corrupt(at, what + ": variable type must be 1 (numeric) or 2 (character), got " + type);
    }
    long position = ByteBuffer.wrap(r, 84, 4).getInt();
    if (position < 0) {
      throw corrupt(at, what + ": negative position " + position + " in the observation");
    }
    return new DatasetVariable(
        number,
        name,
        decodeField(r, 16, 56),
        variableType,
        length,
        (int) position,
        formatName(field(r, 56, 64), shortAt(r, 64), shortAt(r, 66)),
        formatName(field(r, 72, 80), shortAt(r, 80), shortAt(r, 82)));
  }

  private static String formatName(String name, int width, int decimals) {
    if (name.isEmpty() && width <= 0 && decimals <= 0) {
      return "";
    }
    return name
        + (width > 0 ? Integer.toString(width) : "")
        + "."
        + (decimals > 0 ? Integer.toString(decimals) : "");
  }

  // ---------------------------------------------------------------- data records

  private void startData() throws IOException {
    recordLength = 0;
    recordPosition = 0;
    recordStart = offset;
    dataEnded = false;
    readLookahead();
  }

  /** Reads the record after the current one and classifies it. */
  private void readLookahead() throws IOException {
    long at = offset;
    int read = readBytes(lookahead, 0, CARD_LENGTH);
    offset += read;
    lookaheadLength = read;
    if (read == 0) {
      next = Next.END_OF_FILE;
    } else if (read < CARD_LENGTH) {
      throw corrupt(at, "the file ends inside an 80-byte record (truncated file)");
    } else if (startsWith(lookahead, HEADER_BYTES)) {
      if (!startsWith(lookahead, MEMBER_ANY_VERSION_BYTES)) {
        throw corrupt(at, "unexpected header record '" + ascii(lookahead, 0, 48).strip() + "'");
      }
      next = Next.MEMBER_HEADER;
    } else {
      next = Next.DATA;
    }
  }

  /** Makes the look-ahead record the current one; false at the end of the member. */
  private boolean advanceRecord() throws IOException {
    if (next != Next.DATA) {
      return false;
    }
    byte[] swap = record;
    record = lookahead;
    lookahead = swap;
    recordLength = lookaheadLength;
    recordPosition = 0;
    recordStart = offset - lookaheadLength;
    readLookahead();
    return true;
  }

  private boolean endData() {
    dataEnded = true;
    if (next == Next.MEMBER_HEADER) {
      memberHeader = lookahead.clone();
      next = Next.END_OF_FILE;
    } else {
      membersExhausted = memberHeader == null && next == Next.END_OF_FILE;
    }
    return false;
  }

  private boolean endDataExpectingPadding(long start) throws IOException {
    do {
      if (!isBlank(record, recordPosition, recordLength)) {
        if (member.observationLength() == 0) {
          throw corrupt(start, "data set " + member.name() + " has no variables but holds data");
        }
        throw corrupt(
            start,
            "data set "
                + member.name()
                + ": the "
                + member.observationLength()
                + "-byte observation does not fit in the "
                + (fileSize - start)
                + " bytes left in the file (truncated or corrupt)");
      }
      recordPosition = recordLength;
    } while (advanceRecord());
    return endData();
  }

  private void skipRestOfMember() throws IOException {
    while (next()) {
      // observations of the current member are skipped
    }
  }

  // ---------------------------------------------------------------- helpers

  private XportMember requireMember() {
    if (member == null) {
      throw new IllegalStateException("call nextMember() before reading observations");
    }
    return member;
  }

  private DatasetVariable currentVariable(int index) {
    if (!hasObservation) {
      throw new IllegalStateException("no current observation: call next() first");
    }
    return member.variables().get(index);
  }

  private byte[] readHeaderRecord(String what) throws IOException {
    byte[] r = new byte[CARD_LENGTH];
    readFully(r, what);
    return r;
  }

  private void readFully(byte[] into, String what) throws IOException {
    int read = readBytes(into, 0, into.length);
    offset += read;
    if (read < into.length) {
      throw corrupt(offset - read, "the file ends inside " + what + " (truncated file)");
    }
  }

  private void skipFully(long n, String what) throws IOException {
    readFully(new byte[(int) n], what);
  }

  private void expectHeader(byte[] r, String expected) {
    if (!ascii(r, 0, expected.length()).equals(expected)) {
      throw corrupt(
          offset - CARD_LENGTH,
          "expected the header record '" + expected + "', found '" + ascii(r, 0, 48).strip() + "'");
    }
  }

  private int digits(byte[] r, int from, int to, long at, String what) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int c = r[i];
      if (c < '0' || c > '9') {
        throw corrupt(at, what + " is not a number: '" + ascii(r, from, to - from) + "'");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int shortAt(byte[] r, int at) {
    return (short) (((r[at] & 0xFF) << 8) | (r[at + 1] & 0xFF));
  }

  private static String ascii(byte[] r, int from, int length) {
    return new String(r, from, length, StandardCharsets.ISO_8859_1);
  }

  /** A fixed-width ASCII header field without leading and trailing blanks. */
  private static String field(byte[] r, int from, int to) {
    return ascii(r, from, to - from).strip();
  }

  /** A text field (label) without trailing blanks, decoded like character values. */
  private String decodeField(byte[] r, int from, int to) {
    int end = to;
    while (end > from && (r[end - 1] == ' ' || r[end - 1] == 0)) {
      end--;
    }
    return decode(r, from, end - from);
  }

  private String decode(byte[] bytes, int from, int length) {
    if (charset != null) {
      return new String(bytes, from, length, charset);
    }
    boolean ascii = true;
    for (int i = from; i < from + length && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    if (ascii) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return Utf8Text.decoder().decode(ByteBuffer.wrap(bytes, from, length)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Reads {@code length} bytes, fewer only at the end of the file, like {@link
   * InputStream#readNBytes(byte[], int, int)}. The reader's own buffer replaces a {@code
   * BufferedInputStream}, whose synchronized reads cost more than the copy for 80-byte records.
   */
  private int readBytes(byte[] into, int from, int length) throws IOException {
    int done = 0;
    while (done < length) {
      if (bufferPosition == bufferLimit) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          break;
        }
        bufferPosition = 0;
        bufferLimit = read;
        continue;
      }
      int n = Math.min(length - done, bufferLimit - bufferPosition);
      System.arraycopy(buffer, bufferPosition, into, from + done, n);
      bufferPosition += n;
      done += n;
    }
    return done;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    // The first byte alone rejects almost every data record.
    return bytes[0] == prefix[0]
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  private AdamDataException corrupt(long at, String message) {
    return new AdamDataException(fileName + (at >= 0 ? " at byte " + at : "") + ": " + message);
  }
}
