/**
 * Organisation and people: the union tree with partner bodies beside it, the enterprise's
 * departments, employees and their HR import. Everything else depends on it.
 */
package org.tongxin.org;
