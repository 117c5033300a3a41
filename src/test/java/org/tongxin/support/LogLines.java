package org.tongxin.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one class logs during each test, at the level given (the suite logs {@code org.tongxin} at WARN):
 * {@code @RegisterExtension final LogLines lines = new LogLines(X.class, Level.INFO);} then {@code lines.list()}.
 */
public final class LogLines implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level before;

    public LogLines(Class<?> loggerOf, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerOf);
        this.level = level;
    }

    public List<ILoggingEvent> list() {
        return appender.list;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before = logger.getLevel();
        logger.setLevel(level);
        appender.list.clear();
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
