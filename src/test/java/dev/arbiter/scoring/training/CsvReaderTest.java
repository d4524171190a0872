package dev.arbiter.scoring.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void plainRecordsAreReadByColumnName() {
        CsvReader.Table table = CsvReader.parse("instruction,intent\nwhere is my order,track_order\n", "t.csv");

        assertThat(table.header()).containsExactly("instruction", "intent");
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0)).containsEntry("instruction", "where is my order").containsEntry("intent", "track_order");
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() {
        CsvReader.Table table = CsvReader.parse(bitextLikeCsv(), "t.csv");

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get("response")).isEqualTo("Sure, here is how:\n\n1. Log in\n2. Say \"cancel\"");
        assertThat(table.rows().get(1).get("instruction")).isEqualTo("refund, please");
        assertThat(table.rows().get(1).get("response")).isEmpty();
    }

    @Test
    void crlfLineEndsAByteOrderMarkAndAMissingLastLineBreakAreAccepted() {
        CsvReader.Table table = CsvReader.parse("\uFEFFa,b\r\n1,2\r\n3,4", "t.csv");

        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).extracting(row -> row.get("b")).containsExactly("2", "4");
    }

    @Test
    void anUnclosedQuoteIsRejectedWithTheLineWhereItOpened() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\n1,2\n3,\"never\nclosed\n", "t.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.csv")
                .hasMessageContaining("line 3");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsRejected() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\n1,2,3\n", "t.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record 1 has 3 fields, the header 2");
    }

    @Test
    void aMissingColumnIsNamed() {
        CsvReader.Table table = CsvReader.parse("text,label\nhi,greeting\n", "t.csv");

        assertThatThrownBy(() -> table.requireColumns("t.csv", List.of("instruction", "intent")))
                .hasMessageContaining("no column 'instruction'");
    }

    private static String bitextLikeCsv() {
        return "instruction,intent,response\n"
                + "cancel order 12,cancel_order,\"Sure, here is how:\n\n1. Log in\n2. Say \"\"cancel\"\"\"\n"
                + "\"refund, please\",get_refund,\n";
    }
}
