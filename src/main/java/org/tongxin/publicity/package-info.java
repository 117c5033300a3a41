/**
 * Publicity made for sharing (宣传): articles with pictures and short videos written by units, reviewed by an
 * officer holding the review right, published on public share pages that look right in WeChat and QQ, QR posters,
 * RSS/Atom feeds, pushes to 企业微信/钉钉 group robots through an outbox, and reach per unit.
 */
package org.tongxin.publicity;
