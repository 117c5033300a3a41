/**
 * Membership: joining online (and at an officer's mobile service window), decisions within a deadline
 * with escalation to the unit above, member numbers and the electronic member card with an expiring
 * QR code, and membership periods that are never overwritten.
 */
package org.tongxin.membership;
