package cn.servicemap.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell never starts a formula in Excel or WPS, and numbers stay numbers. */
class CsvCellTest {

    @Test
    void shouldNeutraliseTextThatASpreadsheetWouldTakeForAFormula() {
        assertThat(cn.servicemap.system.Spreadsheet.cell("=HYPERLINK(\"http://evil\",\"点我\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"");
        assertThat(cn.servicemap.system.Spreadsheet.cell("+1+1")).isEqualTo("'+1+1");
        assertThat(cn.servicemap.system.Spreadsheet.cell("-2")).isEqualTo("'-2");
        assertThat(cn.servicemap.system.Spreadsheet.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cn.servicemap.system.Spreadsheet.cell("\tx")).isEqualTo("'\tx");
        assertThat(cn.servicemap.system.Spreadsheet.cell(-2.5)).isEqualTo("-2.5");
        assertThat(cn.servicemap.system.Spreadsheet.cell("玄武区")).isEqualTo("玄武区");
        assertThat(cn.servicemap.system.Spreadsheet.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(cn.servicemap.system.Spreadsheet.cell(null)).isEmpty();
    }
}
