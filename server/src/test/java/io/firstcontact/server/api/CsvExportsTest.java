package io.firstcontact.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a text cell of the statistics' CSV exports may hold. */
class CsvExportsTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() {
        for (String formula : new String[] {"=1+1", "+44", "-cmd", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvExports.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CsvExports.cell("council-tax")).isEqualTo("council-tax");
    }

    @Test
    void aCellThatLooksLikeACardNumberIsWithheld() {
        assertThat(CsvExports.cell("pos-4111 1111 1111 1111")).isEqualTo(CsvExports.WITHHELD);
        assertThat(CsvExports.cell("demo-000123")).isEqualTo("demo-000123");
    }
}
