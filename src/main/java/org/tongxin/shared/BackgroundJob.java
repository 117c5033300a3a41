package org.tongxin.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A component holding {@code @Scheduled} background jobs; it exists only while {@code tongxin.scheduling.enabled} is
 * true (the default). Spring Modulith's moments starter switches scheduling on whatever that property says, so
 * switching {@link SchedulingConfig} off alone leaves every job running: each job class carries this instead, and
 * the tests (which switch it off) see no background work and call the jobs' services with the times they need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@ConditionalOnProperty(name = "tongxin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
public @interface BackgroundJob {
}
