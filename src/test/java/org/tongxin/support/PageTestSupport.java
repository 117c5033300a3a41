package org.tongxin.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongxin.support.Fixtures.as;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongxin.shared.security.Viewer;

/** For tests that drive pages through MockMvc as someone: read a page, post a form, see what it left for the next page. */
public abstract class PageTestSupport extends IntegrationTestSupport {

    protected MockHttpServletResponse perform(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    /** The page as the viewer sees it; fails unless it answers 200. */
    protected String page(String url, Viewer viewer) throws Exception {
        MockHttpServletResponse response = perform(get(url).with(as(viewer)));
        assertThat(response.getStatus()).as("GET %s", url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The status of a form posted (with its CSRF token) by the viewer. */
    protected int status(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        return perform(request.with(csrf()).with(as(viewer))).getStatus();
    }

    /** What a post left for the next page: "flash:key" or "error:key". */
    protected String outcome(MockHttpServletRequestBuilder request, Viewer viewer) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf()).with(as(viewer))).andReturn();
        assertThat(result.getResponse().getStatus()).as("%s", result.getRequest().getRequestURI()).isEqualTo(302);
        Object error = result.getFlashMap().get("flashError");
        return error != null ? "error:" + error : "flash:" + result.getFlashMap().get("flash");
    }
}
