package org.tongxin.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataIntegrityViolationException;
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
 */
@ControllerAdvice
class BadInputAdvice {

    private static final Logger log = LoggerFactory.getLogger(BadInputAdvice.class);

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, BindException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            HttpMessageNotReadableException.class, HandlerMethodValidationException.class, ConversionException.class,
            java.time.DateTimeException.class, NumberFormatException.class, DataIntegrityViolationException.class})
    ModelAndView badInput(Exception e) {
        log.info("bad input refused: {}", e.getClass().getSimpleName());
        return page(HttpStatus.BAD_REQUEST, "badinput.message");
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
