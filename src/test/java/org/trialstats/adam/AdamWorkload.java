package org.trialstats.adam;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a seeded, synthetic ADSL and ADAE pair in SAS transport version 5, shaped like the CDISC
 * pilot study (CDISCPILOT01: three arms, Placebo and two Xanomeline doses, MedDRA-style system
 * organ classes and preferred terms) but of any size, for scale tests of {@code ae-table}.
 *
 * <p>The files are streamed: one observation buffer is reused and written to a buffered stream, so
 * memory does not grow with the number of records (only the per-subject tables, a few bytes a
 * subject, are held). The same seed, subject count and record count give byte-identical files.
 *
 * <p>Shape: SAFFL = Y for about 98% of subjects; both files are sorted by USUBJID (ADAE then by
 * AESEQ); the number of records per subject is exponentially distributed (some have none);
 * preferred terms follow a Zipf law with exponent 1.1 (a few very common terms, a long tail) and
 * belong to one of 25 system organ classes; treatment arms have more events than Placebo; about 85%
 * of records are treatment-emergent (TRTEMFL = Y); about 1 in 5,000 records has a blank AEDECOD and
 * AEBODSYS; about 1 in 200 has no onset date or study day.
 */
public final class AdamWorkload {
  /** Arms in TRT01AN order; Placebo is the control. */
  public static final List<String> ARMS =
      List.of("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose");

  private static final double[] ARM_NUMBERS = {0, 54, 81};
  private static final double[] ARM_EVENT_WEIGHT = {1.0, 1.3, 1.45};
  private static final String STUDY = "CDISCPILOT01";

  /** Twenty-five MedDRA system organ classes. */
  static final List<String> SOCS =
      List.of(
          "BLOOD AND LYMPHATIC SYSTEM DISORDERS",
          "CARDIAC DISORDERS",
          "CONGENITAL, FAMILIAL AND GENETIC DISORDERS",
          "EAR AND LABYRINTH DISORDERS",
          "ENDOCRINE DISORDERS",
          "EYE DISORDERS",
          "GASTROINTESTINAL DISORDERS",
          "GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS",
          "HEPATOBILIARY DISORDERS",
          "IMMUNE SYSTEM DISORDERS",
          "INFECTIONS AND INFESTATIONS",
          "INJURY, POISONING AND PROCEDURAL COMPLICATIONS",
          "INVESTIGATIONS",
          "METABOLISM AND NUTRITION DISORDERS",
          "MUSCULOSKELETAL AND CONNECTIVE TISSUE DISORDERS",
          "NEOPLASMS BENIGN, MALIGNANT AND UNSPECIFIED (INCL CYSTS AND POLYPS)",
          "NERVOUS SYSTEM DISORDERS",
          "PSYCHIATRIC DISORDERS",
          "RENAL AND URINARY DISORDERS",
          "REPRODUCTIVE SYSTEM AND BREAST DISORDERS",
          "RESPIRATORY, THORACIC AND MEDIASTINAL DISORDERS",
          "SKIN AND SUBCUTANEOUS TISSUE DISORDERS",
          "SOCIAL CIRCUMSTANCES",
          "SURGICAL AND MEDICAL PROCEDURES",
          "VASCULAR DISORDERS");

  private static final List<String> COMMON_TERMS =
      List.of(
          "APPLICATION SITE PRURITUS",
          "APPLICATION SITE ERYTHEMA",
          "PRURITUS",
          "DIZZINESS",
          "ERYTHEMA",
          "RASH",
          "HEADACHE",
          "DIARRHOEA",
          "NAUSEA",
          "VOMITING",
          "FATIGUE",
          "NASOPHARYNGITIS",
          "UPPER RESPIRATORY TRACT INFECTION",
          "SINUS BRADYCARDIA",
          "HYPERHIDROSIS",
          "APPLICATION SITE IRRITATION",
          "SKIN IRRITATION",
          "COUGH",
          "SYNCOPE",
          "AGITATION",
          "CONFUSIONAL STATE",
          "INSOMNIA",
          "BACK PAIN",
          "ARTHRALGIA",
          "HYPERTENSION");
  private static final String[] QUALIFIERS = {
    "ACUTE",
    "CHRONIC",
    "APPLICATION SITE",
    "INJECTION SITE",
    "LOCALISED",
    "GENERALISED",
    "RECURRENT",
    "DRUG-INDUCED",
    "POSTPROCEDURAL",
    "NOCTURNAL",
    "TRANSIENT",
    "ALLERGIC",
    "BILATERAL",
    "PRIMARY",
    "SECONDARY",
    "IDIOPATHIC",
    "INFECTIVE",
    "TOXIC",
    "VIRAL",
    "BACTERIAL",
    "ATYPICAL",
    "EXERTIONAL",
    "PAROXYSMAL",
    "PERIPHERAL",
    "CENTRAL",
    "CONGENITAL",
    "FOCAL",
    "DIFFUSE",
    "MILD",
    "SUBACUTE"
  };
  private static final String[] CONDITIONS = {
    "PAIN",
    "OEDEMA",
    "INFLAMMATION",
    "HAEMORRHAGE",
    "DISCOMFORT",
    "HYPERSENSITIVITY",
    "INFECTION",
    "ULCER",
    "SWELLING",
    "DYSFUNCTION",
    "DISORDER",
    "INSUFFICIENCY",
    "SPASM",
    "ATROPHY",
    "HYPERPLASIA",
    "STENOSIS",
    "ABSCESS",
    "FIBROSIS",
    "NECROSIS",
    "NEUROPATHY",
    "PARAESTHESIA",
    "ERUPTION",
    "DERMATITIS",
    "MYALGIA",
    "TACHYCARDIA",
    "BRADYCARDIA",
    "ARRHYTHMIA",
    "HYPOTENSION",
    "ANAEMIA",
    "NEUTROPENIA",
    "CRAMP",
    "TREMOR",
    "VERTIGO"
  };
  private static final String[] SEVERITIES = {"MILD", "MODERATE", "SEVERE"};
  private static final String[] RELATIONS = {"NONE", "REMOTE", "POSSIBLE", "PROBABLE"};
  private static final String[] OUTCOMES = {
    "RECOVERED/RESOLVED", "NOT RECOVERED/NOT RESOLVED", "RECOVERING/RESOLVING",
    "RECOVERED/RESOLVED WITH SEQUELAE", "FATAL", "UNKNOWN"
  };
  private static final String[] RACES = {
    "WHITE", "BLACK OR AFRICAN AMERICAN", "ASIAN", "AMERICAN INDIAN OR ALASKA NATIVE"
  };

  /** One variable of a generated data set: name, label, character length or 0 for numeric. */
  private record Variable(String name, String label, int length) {
    boolean numeric() {
      return length == 0;
    }

    int bytes() {
      return numeric() ? 8 : length;
    }
  }

  private static final List<Variable> ADSL =
      List.of(
          chr("STUDYID", "Study Identifier", 12),
          chr("USUBJID", "Unique Subject Identifier", 14),
          chr("SUBJID", "Subject Identifier for the Study", 6),
          chr("SITEID", "Study Site Identifier", 3),
          chr("ARM", "Description of Planned Arm", 20),
          chr("TRT01P", "Planned Treatment for Period 01", 20),
          num("TRT01PN", "Planned Treatment for Period 01 (N)"),
          chr("TRT01A", "Actual Treatment for Period 01", 20),
          num("TRT01AN", "Actual Treatment for Period 01 (N)"),
          num("TRTSDT", "Date of First Exposure to Treatment"),
          num("TRTEDT", "Date of Last Exposure to Treatment"),
          num("TRTDUR", "Duration of treatment (days)"),
          num("AGE", "Age"),
          chr("AGEGR1", "Pooled Age Group 1", 5),
          chr("SEX", "Sex", 1),
          chr("RACE", "Race", 32),
          chr("SAFFL", "Safety Population Flag", 1),
          chr("ITTFL", "Intent-To-Treat Population Flag", 1));

  private static final List<Variable> ADAE =
      List.of(
          chr("STUDYID", "Study Identifier", 12),
          chr("SITEID", "Study Site Identifier", 3),
          chr("USUBJID", "Unique Subject Identifier", 14),
          chr("TRTA", "Actual Treatment", 20),
          num("TRTAN", "Actual Treatment (N)"),
          num("AGE", "Age"),
          chr("SEX", "Sex", 1),
          chr("SAFFL", "Safety Population Flag", 1),
          num("TRTSDT", "Date of First Exposure to Treatment"),
          num("TRTEDT", "Date of Last Exposure to Treatment"),
          num("ASTDT", "Analysis Start Date"),
          num("ASTDY", "Analysis Start Relative Day"),
          num("AENDT", "Analysis End Date"),
          num("AENDY", "Analysis End Relative Day"),
          chr("AETERM", "Reported Term for the Adverse Event", 60),
          chr("AEDECOD", "Dictionary-Derived Term", 50),
          chr("AEBODSYS", "Body System or Organ Class", 67),
          chr("AESEV", "Severity/Intensity", 8),
          chr("AESER", "Serious Event", 1),
          chr("AEREL", "Causality", 8),
          chr("AEOUT", "Outcome of Adverse Event", 32),
          num("AESEQ", "Sequence Number"),
          chr("TRTEMFL", "Treatment Emergent Analysis Flag", 1),
          chr("AOCCPFL", "1st Occurrence of Preferred Term Flag", 1));

  private AdamWorkload() {}

  /** Counts of what was written, for checks. */
  public record Written(int subjects, long records, long safetySubjects, long emergentRecords) {}

  private static Variable chr(String name, String label, int length) {
    return new Variable(name, label, length);
  }

  private static Variable num(String name, String label) {
    return new Variable(name, label, 0);
  }

  /** Length in bytes of one ADAE observation. */
  public static int adaeObservationLength() {
    return ADAE.stream().mapToInt(Variable::bytes).sum();
  }

  /** The preferred terms, most frequent first, each with its SOC index. */
  static List<String[]> terms(int count) {
    SplittableRandom random = new SplittableRandom(20260101L);
    Set<String> names = new LinkedHashSet<>(COMMON_TERMS);
    while (names.size() < count) {
      names.add(
          QUALIFIERS[random.nextInt(QUALIFIERS.length)]
              + " "
              + CONDITIONS[random.nextInt(CONDITIONS.length)]);
      if (names.size() < count && random.nextInt(4) == 0) {
        names.add(
            QUALIFIERS[random.nextInt(QUALIFIERS.length)]
                + " "
                + QUALIFIERS[random.nextInt(QUALIFIERS.length)]
                + " "
                + CONDITIONS[random.nextInt(CONDITIONS.length)]);
      }
    }
    List<String[]> terms = new ArrayList<>(count);
    for (String name : names) {
      terms.add(
          new String[] {
            name, SOCS.get(random.nextInt(SOCS.size())), name.toLowerCase(Locale.ROOT)
          });
    }
    return terms;
  }

  /**
   * Writes {@code adsl.xpt} and {@code adae.xpt} into {@code folder}.
   *
   * @param subjects number of ADSL subjects (at most 999,999)
   * @param records number of ADAE records
   * @param distinctTerms number of preferred terms (at least 25)
   */
  public static Written write(Path folder, int subjects, long records, int distinctTerms, long seed)
      throws IOException {
    if (subjects < 1 || subjects > 999_999 || records < 0 || distinctTerms < COMMON_TERMS.size()) {
      throw new IllegalArgumentException("subjects 1..999999, records >= 0, terms >= 25");
    }
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(seed);
    int[] arm = new int[subjects];
    boolean[] safety = new boolean[subjects];
    int[] start = new int[subjects];
    int[] duration = new int[subjects];
    byte[] age = new byte[subjects];
    boolean[] female = new boolean[subjects];
    double[] weight = new double[subjects];
    double totalWeight = 0;
    long safetyCount = 0;
    for (int s = 0; s < subjects; s++) {
      arm[s] = random.nextInt(ARMS.size());
      safety[s] = random.nextInt(50) != 0;
      safetyCount += safety[s] ? 1 : 0;
      // SAS dates 2012-01-01 (18993) to 2015-12-31
      start[s] = 18993 + random.nextInt(1460);
      duration[s] = 1 + random.nextInt(200);
      age[s] = (byte) (51 + random.nextInt(39));
      female[s] = random.nextBoolean();
      weight[s] = -Math.log(1 - random.nextDouble()) * ARM_EVENT_WEIGHT[arm[s]];
      totalWeight += weight[s];
    }
    long[] perSubject = new long[subjects];
    long assigned = 0;
    for (int s = 0; s < subjects; s++) {
      perSubject[s] = (long) Math.floor(records * weight[s] / totalWeight);
      assigned += perSubject[s];
    }
    for (long left = records - assigned; left > 0; left--) {
      perSubject[random.nextInt(subjects)]++;
    }
    writeAdsl(
        folder.resolve("adsl.xpt"), subjects, arm, safety, start, duration, age, female, random);
    long emergent =
        writeAdae(
            folder.resolve("adae.xpt"),
            subjects,
            perSubject,
            arm,
            safety,
            start,
            duration,
            age,
            female,
            terms(distinctTerms),
            random);
    return new Written(subjects, records, safetyCount, emergent);
  }

  /** Seventeen sites in blocks, so that ids sort like subjects (ADSL and ADAE by USUBJID). */
  private static int site(int s, int subjects) {
    return 701 + (int) (17L * s / subjects);
  }

  private static String subjectId(int s, int subjects) {
    return String.format(Locale.ROOT, "01-%03d-%06d", site(s, subjects), s + 1);
  }

  private static void writeAdsl(
      Path file,
      int subjects,
      int[] arm,
      boolean[] safety,
      int[] start,
      int[] duration,
      byte[] age,
      boolean[] female,
      SplittableRandom random)
      throws IOException {
    try (Observations out =
        new Observations(file, "ADSL", "Subject-Level Analysis Dataset", ADSL)) {
      for (int s = 0; s < subjects; s++) {
        String id = subjectId(s, subjects);
        String armName = ARMS.get(arm[s]);
        out.text(STUDY)
            .text(id)
            .text(String.format(Locale.ROOT, "%06d", s + 1))
            .text(Integer.toString(site(s, subjects)))
            .text(armName)
            .text(armName)
            .number(ARM_NUMBERS[arm[s]])
            .text(armName)
            .number(ARM_NUMBERS[arm[s]])
            .number(start[s])
            .number(start[s] + duration[s] - 1)
            .number(duration[s])
            .number(age[s])
            .text(age[s] < 65 ? "<65" : age[s] <= 80 ? "65-80" : ">80")
            .text(female[s] ? "F" : "M")
            .text(RACES[random.nextInt(RACES.length)])
            .text(safety[s] ? "Y" : "N")
            .text("Y");
        out.endObservation();
      }
    }
  }

  private static long writeAdae(
      Path file,
      int subjects,
      long[] perSubject,
      int[] arm,
      boolean[] safety,
      int[] start,
      int[] duration,
      byte[] age,
      boolean[] female,
      List<String[]> terms,
      SplittableRandom random)
      throws IOException {
    double[] cumulative = new double[terms.size()];
    double sum = 0;
    for (int t = 0; t < terms.size(); t++) {
      sum += Math.pow(t + 1, -1.1);
      cumulative[t] = sum;
    }
    long emergent = 0;
    boolean[] seen = new boolean[terms.size()];
    try (Observations out =
        new Observations(file, "ADAE", "Adverse Events Analysis Dataset", ADAE)) {
      for (int s = 0; s < subjects; s++) {
        String id = subjectId(s, subjects);
        String armName = ARMS.get(arm[s]);
        List<Integer> seenTerms = new ArrayList<>();
        for (long r = 0; r < perSubject[s]; r++) {
          int t = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
          t = t < 0 ? -t - 1 : t;
          t = Math.min(t, terms.size() - 1);
          String[] term = terms.get(t);
          boolean uncoded = random.nextInt(5000) == 0;
          boolean noOnset = random.nextInt(200) == 0;
          int day = random.nextInt(duration[s] + 30) - 14;
          day = day >= 0 ? day + 1 : day;
          int onset = start[s] + (day > 0 ? day - 1 : day);
          int length = random.nextInt(30);
          boolean teae = safety[s] && random.nextInt(100) < 85;
          emergent += teae ? 1 : 0;
          out.text(STUDY)
              .text(Integer.toString(site(s, subjects)))
              .text(id)
              .text(armName)
              .number(ARM_NUMBERS[arm[s]])
              .number(age[s])
              .text(female[s] ? "F" : "M")
              .text(safety[s] ? "Y" : "N")
              .number(start[s])
              .number(start[s] + duration[s] - 1);
          if (noOnset) {
            out.missing().missing();
          } else {
            out.number(onset).number(day);
          }
          out.number(onset + length)
              .number(day + length)
              .text(uncoded ? "UNCODABLE VERBATIM " + r : term[2])
              .text(uncoded ? "" : term[0])
              .text(uncoded ? "" : term[1])
              .text(SEVERITIES[Math.min(2, random.nextInt(6) / 2 + random.nextInt(2))])
              .text(random.nextInt(50) == 0 ? "Y" : "N")
              .text(RELATIONS[random.nextInt(RELATIONS.length)])
              .text(OUTCOMES[Math.min(OUTCOMES.length - 1, random.nextInt(9) / 2)])
              .number(r + 1)
              .text(teae ? "Y" : "")
              .text(seen[t] ? "" : "Y");
          out.endObservation();
          if (!seen[t]) {
            seen[t] = true;
            seenTerms.add(t);
          }
        }
        seenTerms.forEach(t -> seen[t] = false);
      }
    }
    return emergent;
  }

  /** A streaming transport writer for one data set: headers, then observation by observation. */
  private static final class Observations implements AutoCloseable {
    private final OutputStream out;
    private final List<Variable> variables;
    private final byte[] observation;
    private int variable;
    private int position;
    private long dataBytes;

    Observations(Path file, String name, String label, List<Variable> variables)
        throws IOException {
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
      this.variables = variables;
      this.observation = new byte[variables.stream().mapToInt(Variable::bytes).sum()];
      card("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  ");
      card(pad("SAS     SAS     SASLIB  9.4     X64_10PR", 64) + "01JAN26:00:00:00");
      card("01JAN26:00:00:00");
      card("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140  ");
      card("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000  ");
      card(pad("SAS     " + pad(name, 8) + "SASDATA 9.4     X64_10PR", 64) + "01JAN26:00:00:00");
      card(pad("01JAN26:00:00:00", 32) + pad(label, 40) + pad("", 8));
      card(
          String.format(
              Locale.ROOT,
              "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000%04d00000000000000000000  ",
              variables.size()));
      int offset = 0;
      for (int i = 0; i < variables.size(); i++) {
        Variable v = variables.get(i);
        boolean date = v.numeric() && v.name().endsWith("DT");
        out.write(
            XportTestWriter.namestr(
                i + 1,
                v.numeric(),
                v.bytes(),
                v.name(),
                v.label(),
                date ? "DATE" : "",
                date ? 9 : 0,
                offset));
        offset += v.bytes();
      }
      blankPad(140L * variables.size());
      card("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000  ");
    }

    Observations text(String value) {
      Variable v = variables.get(variable++);
      int length = v.bytes();
      int n = Math.min(value.length(), length);
      for (int i = 0; i < n; i++) {
        observation[position + i] = (byte) value.charAt(i);
      }
      Arrays.fill(observation, position + n, position + length, (byte) ' ');
      position += length;
      return this;
    }

    Observations number(double value) {
      variable++;
      long bits = XportTestWriter.ibmBits(value);
      for (int i = 0; i < 8; i++) {
        observation[position + i] = (byte) (bits >>> (56 - 8 * i));
      }
      position += 8;
      return this;
    }

    Observations missing() {
      variable++;
      observation[position] = '.';
      Arrays.fill(observation, position + 1, position + 8, (byte) 0);
      position += 8;
      return this;
    }

    void endObservation() throws IOException {
      if (variable != variables.size()) {
        throw new IllegalStateException(variable + " of " + variables.size() + " values");
      }
      out.write(observation);
      dataBytes += observation.length;
      variable = 0;
      position = 0;
    }

    @Override
    public void close() throws IOException {
      try (out) {
        blankPad(dataBytes);
      }
    }

    private void blankPad(long written) throws IOException {
      for (long i = written % 80 == 0 ? 80 : written % 80; i < 80; i++) {
        out.write(' ');
      }
    }

    private void card(String text) throws IOException {
      out.write(latin1(pad(text, 80)));
    }

    private static String pad(String s, int width) {
      return XportTestWriter.pad(s, width);
    }

    private static byte[] latin1(String s) {
      return s.getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
