/**
 * Insight (数据看板): figures for any node of the union tree from every module, kept current from the modules' record
 * snapshots (events) as facts with a monthly roll-up, and rebuildable from the modules' published histories.
 */
package org.tongxin.insight;
