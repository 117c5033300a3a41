package org.tongxin.shared.web;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Input no form would send — a word where a number goes, 30 February, a value longer than its column — answers with
 * the error page's "check what you entered" in the person's language (status 400) on every module's endpoints,
 * instead of a bare status or a server error. Each module still refuses what it knows is wrong with its own message.
 * <p>
 * A database refusal is the person's input only when PostgreSQL says the value itself is wrong: a data exception
 * (SQLState class 22: too long, out of range, not a date or number), a missing value (23502) or a check constraint
 * (23514). A unique key or exclusion constraint hit where the module did not expect it is someone else saving the
 * same thing at the same moment: 409 with "reload and check". Anything else — a foreign key, a serialisation
 * failure — is the application's fault: logged with its cause and answered as a server error.
 */
@ControllerAdvice
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, BindException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            HttpMessageNotReadableException.class, HandlerMethodValidationException.class, ConversionException.class,
            java.time.DateTimeException.class, NumberFormatException.class})
    ModelAndView badInput(Exception e) {
        log.info("bad input refused: {}", e.getClass().getSimpleName());
        return page(HttpStatus.BAD_REQUEST, "badinput.message");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByTheDatabase(DataIntegrityViolationException e) {
        String state = sqlState(e);
        if (state.startsWith("22") || state.equals("23502") || state.equals("23514")) {
            log.info("bad input refused by the database: SQLState {}", state);
            return page(HttpStatus.BAD_REQUEST, "badinput.message");
        }
        if (e instanceof DuplicateKeyException || state.equals("23P01")) {
            log.warn("unexpected concurrent save refused by the database: SQLState {}", state, e);
            return page(HttpStatus.CONFLICT, "badinput.conflict");
        }
        log.error("database refused a write the application should not have made: SQLState {}", state, e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** A module's refusal that its controller did not flash: its own message, on the error page. */
    @ExceptionHandler(Refusal.class)
    ModelAndView refused(Refusal e) {
        return page(HttpStatus.BAD_REQUEST, e.messageKey());
    }

    private static ModelAndView page(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        return page;
    }
}
