package org.tongxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.web.servlet.MvcResult;
import org.tongxin.support.Fixtures;
import org.tongxin.support.IntegrationTestSupport;
import org.tongxin.support.LogLines;

/**
 * Which database refusals are the person's input: the value itself (class 22, 23502, 23514) is "check what you
 * entered"; a unique key or exclusion hit is a conflict to reload; a foreign key or anything else is the
 * application's fault, logged as an error and answered as a server error.
 */
class BadInputAdviceTests extends IntegrationTestSupport {

    @RegisterExtension
    final LogLines lines = new LogLines(BadInputAdvice.class, Level.INFO);

    @ParameterizedTest
    @CsvSource({
            "22001, 400, badinput.message, INFO",  // value too long for its column
            "22P02, 400, badinput.message, INFO",  // invalid text representation
            "22008, 400, badinput.message, INFO",  // date or time out of range
            "23502, 400, badinput.message, INFO",  // not-null
            "23514, 400, badinput.message, INFO",  // check constraint
            "23505, 409, badinput.conflict, WARN", // unique key nobody expected to be hit
            "23P01, 409, badinput.conflict, WARN", // exclusion constraint
            "23503, 500, , ERROR",                 // foreign key: the application wrote a reference it had not checked
            "23000, 500, , ERROR"})                // any other integrity violation
    void theDatabaseRefusalIsThePersonsInputOnlyWhenTheValueIsWrong(String state, int status, String messageKey,
                                                                    String level) throws Exception {
        MvcResult result = mvc.perform(get("/test/database-refuses").param("state", state)
                .with(Fixtures.as(Fixtures.admin(fixtures.adminAccountId()))).accept("text/html")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getModelAndView()).isNotNull();
        assertThat(result.getModelAndView().getModel().get("messageKey")).isEqualTo(messageKey);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("refused")
                .doesNotContain("Exception");
        assertThat(lines.list()).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.toLevel(level));
            assertThat(line.getFormattedMessage()).contains(state);
        });
    }
}
