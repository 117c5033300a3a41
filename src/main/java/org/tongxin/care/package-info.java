/**
 * Mobility and care: restructuring moves from HR classified up, lateral, down or out, and the care cases
 * that downward and outward moves open for the employee's union unit, with talks, counselling and
 * referrals kept encrypted and visible only to the officers of the employee's own chain.
 */
package org.tongxin.care;
