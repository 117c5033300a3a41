package org.tongxin.shared.web;

import java.util.Map;

/** A piece of a page that another module contributes: {@code template :: panel} rendered with {@code model}. */
public record Panel(String template, Map<String, Object> model) {
}
