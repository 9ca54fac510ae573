package org.trialstats.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.trialstats.testing.Cli;

/**
 * Opens the anakinra report in headless Chromium (Debian packages chromium and chromium-driver,
 * installed by .ci/run): the page renders, every chart is a visible inline SVG, and the browser
 * console has no errors. Skipped loudly where Chromium is not installed.
 */
class ReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Selenium looks for a DevTools (CDP) binding matching the browser's version and warns when the
   * installed Chromium is newer than the ones it ships; this test drives the page through WebDriver
   * only and never uses DevTools, so the warning says nothing about it. Held in a field:
   * java.util.logging keeps loggers weakly, and a collected logger would forget its level.
   */
  private static final java.util.logging.Logger CDP_VERSION_FINDER =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.OFF);
  }

  @Test
  void reportRendersWithChartsAndNoConsoleErrors(@TempDir Path dir) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String message =
          "SKIPPED: Chromium browser test needs /usr/bin/chromium and"
              + " /usr/bin/chromedriver (apt-get install chromium chromium-driver; .ci/run does)";
      System.err.println("*** " + message);
      Assumptions.abort(message);
    }
    Path out = dir.resolve("report");
    Cli.Run run = Cli.run("reproduce", "datasets/anakinra", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"),
        "--window-size=1280,2000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(out.resolve("report.html").toUri().toString());
      assertThat(driver.getTitle()).containsIgnoringCase("anakinra");
      List<WebElement> charts = driver.findElements(By.cssSelector("figure svg"));
      assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
      for (WebElement svg : charts) {
        assertThat(svg.isDisplayed()).isTrue();
        assertThat(svg.getSize().getWidth()).isGreaterThan(300);
        assertThat(svg.getSize().getHeight()).isGreaterThan(100);
      }
      // findings first: the claims grouped by verdict, the 5 discrepancies marked, the not
      // checkable ones collapsed
      assertThat(driver.findElements(By.cssSelector("#claim-checks ~ table tr.bad"))).hasSize(5);
      assertThat(driver.findElements(By.cssSelector("details#not-checkable-91 tbody tr")))
          .hasSize(91);
      List<LogEntry> severe =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
              .toList();
      assertThat(severe).as("browser console errors").isEmpty();
    } finally {
      driver.quit();
    }
  }
}
