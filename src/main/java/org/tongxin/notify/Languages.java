package org.tongxin.notify;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The language each person chose, for rendering their notices; implemented by the module that keeps accounts
 * (notify cannot depend on it: it depends on notify). People missing from the answer get the default language.
 */
public interface Languages {

    Map<Long, Locale> of(Collection<Long> employeeIds);
}
