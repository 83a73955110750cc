package cn.servicemap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell never starts a formula in Excel or WPS, and numbers stay numbers. */
class CsvCellTest {

    @Test
    void shouldNeutraliseTextThatASpreadsheetWouldTakeForAFormula() {
        assertThat(CoverageExportController.cell("=HYPERLINK(\"http://evil\",\"点我\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"");
        assertThat(CoverageExportController.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(CoverageExportController.cell("-2")).isEqualTo("'-2");
        assertThat(CoverageExportController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CoverageExportController.cell("\tx")).isEqualTo("'\tx");
        assertThat(CoverageExportController.cell(-2.5)).isEqualTo("-2.5");
        assertThat(CoverageExportController.cell("玄武区")).isEqualTo("玄武区");
        assertThat(CoverageExportController.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CoverageExportController.cell(null)).isEmpty();
    }
}
