package org.trialstats.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstats.io.InvalidDataException;
import org.trialstats.meta.StudyData;

/** Reading the meta-analysis input CSV: both forms, optional columns, and error messages. */
class MetaInputReaderTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  @Test
  void twoByTwoWithBomCaseInsensitiveHeadersAndSubgroups() throws IOException {
    Path p =
        file(
            "s.csv",
            "\uFEFFStudy, Subgroup ,Events1,N1,Events2,N2,Year\n"
                + "\"Smith, 2001\",A,3,40,5,41,2001\n\nJones,B,0,20,1,22,1999\n");
    MetaInputReader.Input in = MetaInputReader.read(p, null);
    assertThat(in.counts()).isTrue();
    assertThat(in.subgroups()).isTrue();
    List<StudyData> s = in.studies();
    assertThat(s).hasSize(2);
    assertThat(s.get(0).study()).isEqualTo("Smith, 2001");
    assertThat(s.get(0).subgroup()).isEqualTo("A");
    assertThat(s.get(1).table().x2()).isEqualTo(1);
    assertThat(in.rows().get(1).line()).isEqualTo(4);
    assertThat(in.orderedBy("year"))
        .extracting(StudyData::study)
        .containsExactly("Jones", "Smith, 2001");
  }

  @Test
  void genericWithVarianceOrStandardError() throws IOException {
    MetaInputReader.Input v =
        MetaInputReader.read(file("v.csv", "study,yi,vi\nA,-0.5,0.04\n"), null);
    assertThat(v.counts()).isFalse();
    assertThat(v.studies().get(0).vi()).isEqualTo(0.04);
    MetaInputReader.Input se =
        MetaInputReader.read(file("se.csv", "study,yi,sei\nA,-0.5,0.2\nB,1e-1,0.5\n"), null);
    assertThat(se.studies().get(0).vi()).isEqualTo(0.2 * 0.2);
    assertThat(se.studies().get(1).yi()).isEqualTo(0.1);
  }

  @Test
  void countsUpToTenToTheNine() throws IOException {
    MetaInputReader.Input in =
        MetaInputReader.read(
            file("big.csv", "study,events1,n1,events2,n2\nA,999999999,1000000000,1,1000000000\n"),
            null);
    assertThat(in.studies().get(0).table().x1()).isEqualTo(999_999_999L);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          study,events1,n1,events2,n2\\nA,-1,10,2,10 | e.csv, line 2, field events1: '-1' is
          study,events1,n1,events2,n2\\nA,1,0,0,10 | e.csv, line 2, field n1: '0' must be at least 1
          study,events1,n1,events2,n2\\nA,1.5,10,2,10 | e.csv, line 2, field events1: '1.5' is not a
          study,events1,n1,events2,n2\\n,1,10,2,10 | e.csv, line 2, field study: is empty
          study,events1,n1,events2,n2\\nA,1,10,2 | e.csv, line 2: expected 5 fields, found 4
          study,events1,n1,events2\\nA,1,10,2 | e.csv, line 1: column 'n2' is missing
          study,events1,n1,events2,n2,yi\\nA,1,10,2,10,0.1 | give either events1, n1, events2, n2 or
          study,yi\\nA,0.1 | exactly one of the columns vi
          study,yi,vi\\nA,0.1,0 | e.csv, line 2, field vi: '0' must be greater than 0
          study,yi,vi\\nA,NaN,0.1 | e.csv, line 2, field yi: 'NaN' is not a finite number
          study,yi,sei\\nA,0.1,1e200 | field sei: '1e200' its square must be a positive finite
          n,yi,vi\\nA,0.1,0.2 | e.csv, line 1: a 'study' column is required
          study,a,b\\nA,1,2 | expected columns study, events1, n1, events2, n2
          study,yi,vi,YI\\nA,1,2,3 | e.csv, line 1: column 'YI' appears twice
          study,yi,vi | e.csv: no study rows after the header
          """)
  void errorsNameFileLineAndField(String content, String message) throws IOException {
    Path p = file("e.csv", content.replace("\\n", "\n") + "\n");
    assertThatThrownBy(() -> MetaInputReader.read(p, null))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining(message);
  }

  @Test
  void subgroupAndOrderColumnsMustExist() throws IOException {
    Path p = file("x.csv", "study,yi,vi,year\nA,0.1,0.2,2001\nB,0.1,0.2,\n");
    assertThatThrownBy(() -> MetaInputReader.read(p, "arm"))
        .hasMessageContaining("no subgroup column 'arm'");
    MetaInputReader.Input in = MetaInputReader.read(p, null);
    assertThatThrownBy(() -> in.orderedBy("date")).hasMessageContaining("no column 'date'");
    assertThatThrownBy(() -> in.orderedBy("year"))
        .hasMessageContaining("x.csv, line 3, field year: a value is needed");
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Path p = dir.resolve("latin1.csv");
    Files.write(
        p,
        new byte[] {
          's',
          't',
          'u',
          'd',
          'y',
          ',',
          'y',
          'i',
          ',',
          'v',
          'i',
          '\n',
          (byte) 0xE9,
          ',',
          '1',
          ',',
          '1',
          '\n'
        });
    assertThatThrownBy(() -> MetaInputReader.read(p, null))
        .hasMessageEndingWith(
            "latin1.csv:2: expected UTF-8 text, got the invalid byte 0xE9 at byte 12; save the"
                + " file as UTF-8 CSV");
  }
}
