package org.tongxin.notify.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.tongxin.notify.internal.Inbox;
import org.tongxin.shared.security.CurrentViewer;
import org.tongxin.shared.security.Viewer;

/**
 * Puts the unread count into the model of every page that is rendered, for the header badge (one indexed count).
 * Only pages: a form POST that answers with a redirect (signing up, cancelling, …) shows no header, so it does not
 * pay for the count; the page it redirects to counts once.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCountAdvice implements WebMvcConfigurer {

    private final Inbox inbox;

    UnreadCountAdvice(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView mav) {
                if (mav == null || mav.getView() instanceof RedirectView
                        || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
                    return;
                }
                mav.addObject("unreadCount",
                        CurrentViewer.find().map(Viewer::employeeId).map(inbox::unread).orElse(0L));
            }
        });
    }
}
