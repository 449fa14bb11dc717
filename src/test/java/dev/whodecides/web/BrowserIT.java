package dev.whodecides.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whodecides.store.Store;
import dev.whodecides.vocabulary.EntityRef;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The UI in a real headless Chromium (Debian's chromium and chromium-driver): a head of data opens
 * the example, finds a red gap, opens its evidence, and the release owner records a call with a
 * token and reads the statement. Screenshots go to {@code target/e2e/}. Without Chromium the test
 * is skipped locally and fails under CI, where {@code .ci/run} installs it.
 */
class BrowserIT {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of(System.getProperty("whodecides.build.dir", "target"), "e2e");

  @TempDir static Path dir;
  static Javalin app;
  static String token;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError("CI needs /usr/bin/chromium and /usr/bin/chromedriver: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(present, "Chromium is not installed (apt-get install -y chromium chromium-driver)");
    Store store = Store.open(dir.resolve("e2e.db").toString(), null);
    token = store.createToken(EntityRef.parse("user:tomas.reyes", null));
    app = new ServiceApp(new CatalogSource(List.of(Path.of("examples/retail-data-org"))), store, Clock.systemUTC())
        .create().start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
  }

  static WebDriver browser(boolean javascript) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + dir.resolve(javascript ? "profile-js" : "profile-nojs"));
    if (!javascript) {
      o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, o);
  }

  static void shot(WebDriver d, String name) throws Exception {
    File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void findARedGapOpenItsEvidenceAndRecordARelease() throws Exception {
    WebDriver d = browser(true);
    try {
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
      d.get(base + "/");
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Who decides, and where nobody does");
      shot(d, "01-overview.png");

      d.findElement(By.linkText("Decision matrix")).click();
      wait.until(ExpectedConditions.titleContains("Decision matrix"));
      WebElement gap = d.findElement(By.xpath(
          "//tr[th/a[contains(@href,'assortment-optimizer')]]/td[contains(@class,'gap')][1]"));
      assertThat(gap.getCssValue("background-color")).isEqualTo("rgba(253, 231, 230, 1)");
      gap.findElement(By.tagName("a")).click();
      // htmx loads the finding beside the matrix without leaving the page.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "no-ship-authority"));
      assertThat(d.getCurrentUrl()).isEqualTo(base + "/matrix");
      WebElement detail = d.findElement(By.id("detail"));
      assertThat(detail.getText()).contains("Nobody owns release").containsIgnoringCase("What to do").contains("product-owner");
      List<WebElement> evidence = detail.findElements(By.cssSelector("ul.evidence a"));
      assertThat(evidence).isNotEmpty();
      assertThat(evidence.get(0).getAttribute("href")).startsWith("https://www.youtube.com/watch?v=").contains("t=");
      shot(d, "02-matrix-gap.png");

      // The rule's page carries the evidence behind the advice, each cited to the minute.
      detail.findElement(By.linkText("no-ship-authority")).click();
      wait.until(ExpectedConditions.urlContains("/knowledge/rules/no-ship-authority.html"));
      assertThat(d.findElements(By.cssSelector("a.cite"))).isNotEmpty();
      shot(d, "03-evidence.png");

      // The ownership graph: a box opens its entity.
      d.findElement(By.linkText("Ownership graph")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graph svg")));
      shot(d, "03b-graph.png");
      WebElement box = d.findElement(By.cssSelector(".graph svg a[href='/entities/component:default/newsletter-picks']"));
      ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block:'center'})", box);
      box.click();
      wait.until(ExpectedConditions.urlContains("/entities/component:default/newsletter-picks"));
      assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Newsletter Picks");

      d.findElement(By.linkText("Releases")).click();
      d.findElement(By.linkText("Newsletter Picks")).click();
      wait.until(ExpectedConditions.titleContains("Releases of Newsletter Picks"));
      d.findElement(By.name("version")).sendKeys("4.2.0");
      d.findElement(By.cssSelector("input[name=decision][value=ship]")).click();
      d.findElement(By.name("metrics")).sendKeys("precision=0.84");
      d.findElement(By.name("bar")).sendKeys("precision>=0.80");
      d.findElement(By.name("rationale")).sendKeys("Held up on four weeks of traffic");
      d.findElement(By.name("token")).sendKeys(token);
      d.findElement(By.cssSelector("form.record button[type=submit]")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Recorded as #"));
      WebElement newest = d.findElement(By.cssSelector("ol.log > li"));
      assertThat(newest.getText()).contains("4.2.0").contains("Tomas Reyes");
      assertThat(newest.findElement(By.cssSelector("p.statement")).getText())
          .contains("version 4.2.0 goes live").contains("Measured: precision is 0.84");
      shot(d, "04-release-recorded.png");
    } finally {
      d.quit();
    }
  }

  @Test
  void everyStepWorksWithoutJavaScript() throws Exception {
    WebDriver d = browser(false);
    try {
      d.get(base + "/matrix");
      d.findElement(By.xpath("//tr[th/a[contains(@href,'assortment-optimizer')]]/td[contains(@class,'gap')][1]/a"))
          .click();
      // Without htmx the same link opens the gap as a page of its own.
      new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/matrix/gap?product="));
      assertThat(d.findElement(By.id("gap")).getText()).contains("no-ship-authority").containsIgnoringCase("What to do");
      d.findElement(By.id("gap")).findElement(By.linkText("no-ship-authority")).click();
      new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/knowledge/rules/"));
      assertThat(d.findElements(By.cssSelector("a.cite"))).isNotEmpty();

      // Recording a call is a plain form post: it works without JavaScript too.
      d.get(base + "/releases/component:default/newsletter-picks");
      d.findElement(By.name("version")).sendKeys("4.3.0");
      d.findElement(By.cssSelector("input[name=decision][value=wait]")).click();
      d.findElement(By.name("metrics")).sendKeys("precision=0.71");
      d.findElement(By.name("bar")).sendKeys("precision>=0.80");
      d.findElement(By.name("waitUntil")).sendKeys("12312026");
      d.findElement(By.name("token")).sendKeys(token);
      d.findElement(By.cssSelector("form.record button[type=submit]")).click();
      new WebDriverWait(d, Duration.ofSeconds(20)).until(
          ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Recorded as #"));
      assertThat(d.findElement(By.cssSelector("ol.log > li p.statement")).getText()).contains("4.3.0");
      d.get(base + "/findings");
      new org.openqa.selenium.support.ui.Select(d.findElement(By.name("severity"))).selectByValue("error");
      d.findElement(By.cssSelector("form.filters button[type=submit]")).click();
      new WebDriverWait(d, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("severity=error"));
      assertThat(d.findElements(By.cssSelector("table.findings tbody tr"))).isNotEmpty()
          .allSatisfy(tr -> assertThat(tr.getAttribute("class")).isEqualTo("sev-error"));
      shot(d, "05-no-javascript.png");
    } finally {
      d.quit();
    }
  }
}
