/**
 * Activities together (五个一起): activities hosted by one body with co-hosts from the union, the youth
 * league, the women's committee and party branches; sign-up that survives a rush, with a waitlist and an
 * optional lottery; check-in by QR; shared venues; volunteering hours; summaries, galleries and honours.
 */
package org.tongxin.activity;
