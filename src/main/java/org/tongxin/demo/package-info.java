/**
 * The demo enterprise: a deterministic generator of a realistic expressway company (union tree,
 * departments, employees with valid ID numbers) used on first start and by the benchmarks, and the
 * loader that fills an empty database with it. Nothing depends on this module.
 */
package org.tongxin.demo;
