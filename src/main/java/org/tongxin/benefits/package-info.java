/**
 * Benefits (普惠福利与会费): holiday welfare rounds where each member picks a package within a budget and collects it
 * at their site, birthday benefits, partners' offers claimed as one-use vouchers, and union dues from payroll with
 * exemptions and arrears.
 */
package org.tongxin.benefits;
