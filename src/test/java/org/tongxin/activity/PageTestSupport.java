package org.tongxin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;
import org.tongxin.shared.security.Viewer;
import org.tongxin.support.IntegrationTestSupport;

/** Requests as a person would make them, read back as UTF-8 pages. */
abstract class PageTestSupport extends IntegrationTestSupport {

    MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    String text(RequestBuilder request) throws Exception {
        return perform(request).getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page at {@code url} as {@code viewer} sees it; fails unless it answers 200. */
    String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(get(url).with(as(viewer)));
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
