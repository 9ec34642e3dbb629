package io.backprop4j.cli.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): a student's
 * session from choosing the circle to stepping through one example's backward pass. It asserts on what the page
 * shows and saves screenshots to {@code target/playground}. CI installs Chromium; elsewhere the test is skipped
 * without it.
 */
class PlaygroundBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "playground");

    private PlaygroundServer server;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install Debian's chromium and chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver");
        server = PlaygroundServer.start(0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,1000");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private WebDriverWait within(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The number of distinct colours on a canvas: a blank one has one. */
    private long colours(String canvas) {
        return (Long) js("const c = document.getElementById('" + canvas + "');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "const seen = new Set(); for (let i = 0; i < d.length; i += 4) seen.add(d[i] << 16 | d[i+1] << 8 | d[i+2]);"
                + "return seen.size;");
    }

    @Test
    void aStudentTrainsTheCircleTurnsOnGradientsAndStepsThroughOneExample() throws Exception {
        browser.get(server.url().toString());
        within(30).until(d -> (Long) js("return window.playground.frames;") > 0);
        browser.findElement(By.cssSelector("#datasets button[data-dataset=circle]")).click();
        browser.findElement(By.id("remove-layer")).click();
        within(10).until(d -> d.findElement(By.id("hidden-count")).getText().equals("1 hidden layer"));
        new Select(browser.findElement(By.id("activation"))).selectByVisibleText("tanh");
        new Select(browser.findElement(By.id("learning-rate"))).selectByVisibleText("0.3");
        within(10).until(d -> (Double) js("return window.playground.settings.learningRate;") == 0.3);
        assertEquals(List.of(4L), js("return window.playground.settings.hidden;"));
        assertEquals(4, browser.findElements(By.cssSelector(".node[data-column='1']")).size());

        browser.findElement(By.id("play")).click();
        double reached = within(120).until(d -> {
            String shown = d.findElement(By.id("test-loss")).getText();
            return shown.matches("[0-9.eE-]+") && Double.parseDouble(shown) < 0.05 ? Double.parseDouble(shown) : null;
        });
        assertTrue(reached < 0.05, "the page showed a test loss of " + reached);
        browser.findElement(By.id("play")).click();
        within(30).until(d -> Boolean.FALSE.equals(js("return window.playground.frame.playing;")));
        // paused a few epochs later: SGD's noise may lift the loss a little, but the network stays trained
        assertTrue(testLoss() < 0.1, "test loss shown after pausing: " + testLoss());
        assertTrue(Integer.parseInt(browser.findElement(By.id("epoch")).getText()) > 0);
        assertTrue(colours("heatmap") > 20, "the decision boundary is drawn");
        assertTrue(colours("loss-chart") > 2, "the loss curve is drawn");
        screenshot("training.png");

        browser.findElement(By.id("show-gradients")).click();
        WebElement network = browser.findElement(By.cssSelector("#network svg"));
        assertEquals("gradients", network.getAttribute("data-mode"));
        List<WebElement> deltas = browser.findElements(By.cssSelector("#network .delta"));
        assertEquals(5, deltas.size(), "a δ under each of the 4 hidden neurons and the output");
        assertTrue(deltas.get(0).getText().startsWith("δ "), deltas.get(0).getText());
        List<String> widths = new ArrayList<>();
        browser.findElements(By.cssSelector("#network path.link")).forEach(l -> widths.add(l.getAttribute("stroke-width")));
        assertEquals(2 * 4 + 4, widths.size());
        assertTrue(widths.stream().distinct().count() > 1, "links drawn by |∂J/∂w|: " + widths);
        assertEquals(2L, js("return JSON.parse(document.getElementById('gradient-norms').dataset.norms).length;"));
        screenshot("gradients.png");

        browser.findElement(By.id("trace-button")).click();
        within(10).until(d -> d.findElement(By.id("trace")).isDisplayed());
        List<String> titles = new ArrayList<>();
        String chainRule = null;
        for (int step = 0; step < 20; step++) {
            String title = browser.findElement(By.id("trace-title")).getText();
            if (!titles.isEmpty() && titles.get(titles.size() - 1).equals(title)) {
                break;
            }
            titles.add(title);
            if (title.startsWith("Backward") && title.contains("Tanh")) {
                chainRule = browser.findElement(By.id("trace-stage")).getText();
                screenshot("step-through.png");
            }
            browser.findElement(By.id("trace-next")).click();
        }
        assertEquals("Input", titles.get(0));
        assertTrue(titles.contains("Loss"), titles.toString());
        assertTrue(titles.get(titles.size() - 1).startsWith("Backward, layer 1: Dense"), titles.toString());
        assertTrue(chainRule != null && chainRule.contains("∂J/∂z1 = ∂J/∂a1 · ∂a1/∂z1 = "), chainRule);
        assertFalse(browser.findElement(By.id("error")).getText().contains("Exception"));
    }

    private double testLoss() {
        Object value = js("return Number(document.getElementById('test-loss').dataset.value);");
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
