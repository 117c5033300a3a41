package org.tongxin.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongxin.org.OrgSetup;

/** What most integration tests use, on the one shared context of {@link IntegrationTest}. */
@IntegrationTest
public abstract class IntegrationTestSupport {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Fixtures fixtures;
    @Autowired
    protected OrgSetup orgSetup;
    @Autowired
    protected JdbcClient jdbc;
}
