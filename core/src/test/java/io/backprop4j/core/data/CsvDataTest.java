package io.backprop4j.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.backprop4j.core.DataSet;
import io.backprop4j.core.FileFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    @TempDir
    Path directory;

    private Path write(String text) throws IOException {
        return Files.writeString(directory.resolve("data.csv"), text);
    }

    @Test
    void kagglesMnistLayoutLoadsAsItIs() throws IOException {
        DataSet data = CsvData.load(write("label,pixel0,pixel1,pixel2\n3,0,128,255\n0,1,2,3\n9,4,5,6\n"));
        assertArrayEquals(new long[] {3, 3}, data.features().shape());
        assertArrayEquals(new float[] {0, 128, 255}, data.features().getRow(0).toFloatVector());
        assertArrayEquals(new int[] {3, 0, 9}, data.classIndices());
        assertEquals(10, data.classNames().size(), "integer labels 0…9 are their own indices");
        assertEquals("9", data.classNames().get(9));
    }

    @Test
    void stringLabelsAreSortedNumberedAndTheLastColumnIsTheDefaultLabel() throws IOException {
        DataSet data = CsvData.load(write("x1,x2,species\n1.5,\"2.5\",setosa\n\n3,4,virginica\n5,6,\"setosa\"\n"));
        assertEquals(List.of("setosa", "virginica"), data.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, data.classIndices());
        assertArrayEquals(new float[] {1.5f, 2.5f}, data.features().getRow(0).toFloatVector(), "quoted number");
    }

    @Test
    void labelColumnByNameOrIndexWithoutHeaderAndRegression() throws IOException {
        Path file = write("1,10,0.5\n2,20,1.5\n");
        DataSet byIndex = CsvData.load(file, CsvData.Options.defaults().withoutHeader().labelColumn("0"));
        assertArrayEquals(new float[] {10, 0.5f}, byIndex.features().getRow(0).toFloatVector());
        assertArrayEquals(new int[] {1, 2}, byIndex.classIndices());
        DataSet regression = CsvData.load(file, CsvData.Options.defaults().withoutHeader().asRegression());
        assertArrayEquals(new float[] {0.5f, 1.5f}, regression.labels().reshape(2).toFloatVector());
        assertTrue(regression.classNames().isEmpty());
    }

    @Test
    void aTestFileMapsLabelsToTheTrainingClasses() throws IOException {
        DataSet test = CsvData.load(write("a,label\n1,dog\n2,cat\n"),
                CsvData.Options.defaults().classNames(List.of("bird", "cat", "dog")));
        assertArrayEquals(new int[] {2, 1}, test.classIndices());
        String message = assertThrows(FileFormatException.class, () -> CsvData.load(write("a,label\n1,cow\n"),
                CsvData.Options.defaults().classNames(List.of("cat", "dog")))).getMessage();
        assertTrue(message.contains("line 2") && message.contains("'cow'") && message.contains("[cat, dog]"), message);
    }

    @Test
    void malformedFilesNameTheFileLineAndColumn() throws IOException {
        assertMessage("label,a,b\n1,2,3\n0,,3\n", "data.csv, line 3, column 2 (a): missing value");
        assertMessage("label,a,b\n1,2,x3\n", "data.csv, line 2, column 3 (b): 'x3' is not a number");
        assertMessage("label,a,b\n1,2,NaN\n", "line 2, column 3 (b): 'NaN' is not a number");
        assertMessage("label,a,b\n1,2,3\n\n1,2\n", "data.csv, line 4: 2 fields, but the header names 3");
        assertMessage("label,a,b\n,2,3\n", "line 2, column 1 (label): missing value");
        assertMessage("label,a\n1,\"2\n", "not readable as CSV");
        assertMessage("label,a,b\n", "no examples");
        assertMessage("a,b\n1,2\n", "");
        String message = assertThrows(FileFormatException.class, () -> CsvData.load(write("a,b\n1,2\n"),
                CsvData.Options.defaults().labelColumn("target"))).getMessage();
        assertTrue(message.contains("no label column 'target'") && message.contains("[a, b]"), message);
        String huge = assertThrows(FileFormatException.class, () -> CsvData.load(write("a,b\n1,2\n"),
                CsvData.Options.defaults().labelColumn("99999999999"))).getMessage();
        assertTrue(huge.contains("no label column '99999999999'") && huge.contains("below 2"), huge);
    }

    private void assertMessage(String text, String expected) throws IOException {
        Path file = write(text);
        if (expected.isEmpty()) {
            assertEquals(1, CsvData.load(file).size());
            return;
        }
        String message = assertThrows(FileFormatException.class, () -> CsvData.load(file)).getMessage();
        assertTrue(message.contains(expected) && message.contains(file.toString()), message);
    }

    @Test
    void aByteOrderMarkAsExcelWritesIsSkippedSoTheLabelHeaderIsFound() throws IOException {
        DataSet data = CsvData.load(write("\uFEFFlabel,pixel0,pixel1\n3,0,255\n1,7,8\n"));
        assertArrayEquals(new int[] {3, 1}, data.classIndices(), "the label column, not the last pixel");
        assertArrayEquals(new float[] {0, 255}, data.features().getRow(0).toFloatVector());
    }

    @Test
    void onlyDecimalNumbersAreNumbers() throws IOException {
        assertMessage("label,a\n1,12f\n", "line 2, column 2 (a): '12f' is not a number");
        assertMessage("label,a\n1,0x1p3\n", "'0x1p3' is not a number");
        assertMessage("label,a\n1,Infinity\n", "'Infinity' is not a number");
        assertMessage("label,a\n1,\u00002\n", "'U+00002' is not a number");
        assertMessage("label,a\n1,1e39\n", "'1e39' is too large for float32");
        DataSet data = CsvData.load(write("label,a,b,c,d\n1, -1.5e2 ,+.5,7.,3E-1\n"));
        assertArrayEquals(new float[] {-150, 0.5f, 7, 0.3f}, data.features().getRow(0).toFloatVector(), 1e-6f);
    }

    @Test
    void aHugeIntegerLabelIsOneClassNotABillion() throws IOException {
        DataSet data = CsvData.load(write("label,a\n999999999,1\n3,2\n3,4\n"));
        assertEquals(List.of("3", "999999999"), data.classNames(), "distinct labels in numeric order");
        assertArrayEquals(new int[] {1, 0, 0}, data.classIndices());
        DataSet gaps = CsvData.load(write("label,a\n0,1\n5,2\n2,3\n"));
        assertEquals(6, gaps.classNames().size(), "0…5 from 3 labels: still their own indices");
        DataSet wide = CsvData.load(write("label,a\n0,1\n5000,2\n"));
        assertEquals(List.of("0", "5000"), wide.classNames(), "5,001 classes from 2 labels: numbered as they come");
    }

    @Test
    void aLatin1FileIsRefusedAsNotUtf8NamingTheLine() throws IOException {
        Path file = directory.resolve("latin1.csv");
        Files.write(file, "label,name\n1,2\n2,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String message = assertThrows(FileFormatException.class, () -> CsvData.load(file)).getMessage();
        assertTrue(message.contains("not UTF-8") && message.contains("latin1.csv"), message);
    }
}
